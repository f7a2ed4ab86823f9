#include "load/scan.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

#include "load/byte_search.h"

namespace dsaudit::load {
namespace {

// Streamed inputs (gzip, pipes) are processed this much at a time, so
// memory stays flat however long the input is.
constexpr size_t kChunkBytes = size_t{32} << 20;
// Threads take parts of about this size, so a busy core never holds up
// the others for long.
constexpr size_t kPartBytes = size_t{4} << 20;
constexpr size_t kDetectBytes = size_t{64} << 10;

struct PartResult {
  uint64_t lines = 0;
  std::vector<std::pair<uint64_t, std::string_view>> malformed;  // local line, text
};

void ScanPart(std::string_view data, const LogFormat& format, LoadAccumulator& acc,
              PartResult& part) {
  LineParser parser(format);
  LogRecord record;
  LineSplitter lines(data);
  std::string_view line;
  // Counted here, stored once: parts scanned at the same time sit side by
  // side in one vector, and a count written to memory on every line would
  // bounce its cache line between the cores.
  uint64_t count = 0;
  while (lines.Next(&line)) {
    ++count;
    record.Clear();
    LineResult result = parser.Parse(line, &record);
    if (result == LineResult::kRecord) {
      acc.Add(record);
      acc.CountLine(false, false);
      continue;
    }
    acc.CountLine(result == LineResult::kMalformed, result == LineResult::kSkip);
    if (result == LineResult::kMalformed && part.malformed.size() < LoadAccumulator::kMaxSamples) {
      part.malformed.emplace_back(count, line);
    }
  }
  part.lines = count;
}

// Where the line holding byte `at` ends (just past its newline): a part
// that starts there begins with a whole line.
size_t LineBoundary(std::string_view data, size_t at) {
  if (at == 0 || at >= data.size()) return std::min(at, data.size());
  size_t newline = data.find('\n', at - 1);
  return newline == std::string_view::npos ? data.size() : newline + 1;
}

// Part `index` of `count` equal slices, moved to line boundaries. Computed by
// the thread that scans it, just before: cutting every part up front would
// touch (and, with large page-cache folios, map) memory all over the file.
std::string_view LinePart(std::string_view data, size_t index, size_t count) {
  size_t begin = LineBoundary(data, data.size() / count * index);
  size_t end = index + 1 == count ? data.size() : LineBoundary(data, data.size() / count * (index + 1));
  return data.substr(begin, end > begin ? end - begin : 0);
}

// madvise() over the pages a part of a memory-mapped file lies on, rounded
// outwards. Used to map a part's pages in one call before it is scanned
// (MADV_POPULATE_READ: not one fault per 64 KiB) and to give them back to the
// page cache after (MADV_DONTNEED: resident memory stays flat however big the
// file). A neighbouring part still being scanned merely faults a shared
// page in again from the unmodified file. Failure (an older kernel without
// MADV_POPULATE_READ) only costs speed.
void AdviseMapped(std::string_view part, int advice) {
  const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  uintptr_t begin = reinterpret_cast<uintptr_t>(part.data()) & ~(page - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(part.data()) + part.size() + page - 1) & ~(page - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

// Scans `data` with per-thread accumulators; returns the number of lines,
// and adds malformed samples numbered from `line_base`.
uint64_t ScanData(std::string_view data, const LogFormat& format, std::string_view source,
                  uint64_t line_base, std::vector<LoadAccumulator>& accs, bool mapped = false) {
  const size_t jobs = accs.size();
  size_t wanted = std::max<size_t>(jobs, data.size() / kPartBytes + 1);
  std::vector<PartResult> results(wanted);
  std::atomic<size_t> next{0};
  auto work = [&](size_t thread) {
    for (size_t i = next.fetch_add(1); i < wanted; i = next.fetch_add(1)) {
      std::string_view part = LinePart(data, i, wanted);
#ifdef MADV_POPULATE_READ
      if (mapped) AdviseMapped(part, MADV_POPULATE_READ);
#endif
      ScanPart(part, format, accs[thread], results[i]);
      if (mapped) AdviseMapped(part, MADV_DONTNEED);
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < std::min(jobs, wanted); ++t) threads.emplace_back(work, t);
  work(0);
  for (std::thread& thread : threads) thread.join();
  uint64_t lines = line_base;
  for (const PartResult& part : results) {
    for (const auto& [line, text] : part.malformed) {
      accs[0].AddSample({std::string(source), lines + line, std::string(text.substr(0, LoadAccumulator::kMaxSampleBytes))});
    }
    lines += part.lines;
  }
  return lines - line_base;
}

// Adds the threads' accumulators to `out`. Summed into the first, which is
// moved into an `out` that has counted nothing yet: merging it would copy
// every hour block once more.
void AddThreads(std::vector<LoadAccumulator>& accs, LoadAccumulator* out) {
  for (size_t i = 1; i < accs.size(); ++i) accs[0].Merge(accs[i]);
  if (out->empty() && out->lines() == 0) {
    *out = std::move(accs[0]);
  } else {
    out->Merge(accs[0]);
  }
}

// A byte stream from a file descriptor, optionally gunzipped.
class Input {
 public:
  explicit Input(int fd) : fd_(fd) {}
  ~Input() {
    if (inflating_) inflateEnd(&zs_);
  }
  // Appends up to `max` bytes to `out`; false at the end or on error.
  bool Read(std::string* out, size_t max, std::string* error) {
    if (!started_) Start(error);
    if (!error->empty()) return false;
    return gzip_ ? ReadGzip(out, max, error) : ReadPlain(out, max, error);
  }
  bool compressed() const { return gzip_; }

 private:
  // Fills raw_ from the descriptor; false at end of file or on error.
  bool Fill(std::string* error) {
    raw_.resize(1 << 20);
    for (;;) {
      ssize_t n = ::read(fd_, raw_.data(), raw_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) *error = std::strerror(errno);
      raw_.resize(n > 0 ? static_cast<size_t>(n) : 0);
      raw_pos_ = 0;
      return n > 0;
    }
  }
  void Start(std::string* error) {
    started_ = true;
    if (!Fill(error)) return;
    gzip_ = raw_.size() >= 2 && static_cast<unsigned char>(raw_[0]) == 0x1f &&
            static_cast<unsigned char>(raw_[1]) == 0x8b;
    if (!gzip_) return;
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) *error = "zlib initialisation failed";
    inflating_ = error->empty();
  }
  bool ReadPlain(std::string* out, size_t max, std::string* error) {
    size_t wrote = 0;
    while (wrote < max) {
      if (raw_pos_ == raw_.size() && !Fill(error)) return wrote > 0;
      size_t n = std::min(max - wrote, raw_.size() - raw_pos_);
      out->append(raw_, raw_pos_, n);
      raw_pos_ += n;
      wrote += n;
    }
    return true;
  }
  bool ReadGzip(std::string* out, size_t max, std::string* error) {
    size_t start = out->size();
    out->resize(start + max);
    size_t wrote = 0;
    while (wrote < max && !finished_) {
      if (raw_pos_ == raw_.size() && !Fill(error)) {
        if (error->empty() && member_open_) *error = "gzip input is truncated";
        finished_ = true;
        break;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      zs_.avail_in = static_cast<uInt>(raw_.size() - raw_pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(out->data() + start + wrote);
      zs_.avail_out = static_cast<uInt>(max - wrote);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      wrote = max - zs_.avail_out;
      raw_pos_ = raw_.size() - zs_.avail_in;
      member_open_ = true;
      if (rc == Z_STREAM_END) {
        // Concatenated members (`cat a.gz b.gz`, rotated logs) continue.
        inflateReset(&zs_);
        member_open_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *error = fmt::format("gzip input is corrupt ({})", zs_.msg ? zs_.msg : "inflate failed");
        finished_ = true;
      }
    }
    out->resize(start + wrote);
    return wrote > 0;
  }

  int fd_;
  std::string raw_;
  size_t raw_pos_ = 0;
  bool started_ = false, gzip_ = false, inflating_ = false, finished_ = false, member_open_ = false;
  z_stream zs_{};
};

bool ResolveFormat(std::string_view sample, const ScanOptions& options, LogFormat* format,
                   std::string* error) {
  std::optional<LogFormat> chosen = options.format;
  if (!chosen || (chosen->kind == FormatKind::kJson && chosen->json.time.empty())) {
    std::optional<LogFormat> detected = DetectFormat(sample);
    if (chosen && (!detected || detected->kind != FormatKind::kJson)) detected.reset();
    if (!detected) {
      *error = chosen ? "no JSON line with a time field (ts, time, timestamp, ...); name it with --json-fields time=NAME"
                      : "log format not recognised; name it with --log-format";
      return false;
    }
    chosen = detected;
  }
  if (chosen->kind == FormatKind::kJson && !options.json_fields.empty() &&
      !ApplyJsonFieldOverrides(options.json_fields, &chosen->json, error)) {
    return false;
  }
  *format = *chosen;
  return true;
}

void ScanStream(int fd, const ScanOptions& options, std::vector<LoadAccumulator>& accs,
                SourceReport* report) {
  Input input(fd);
  std::string buffer;
  buffer.reserve(kChunkBytes + (1 << 20));
  LogFormat format;
  bool have_format = false;
  uint64_t lines = 0;
  bool more = true;
  while (more) {
    more = input.Read(&buffer, kChunkBytes - std::min(buffer.size(), kChunkBytes / 2), &report->error);
    report->compressed = input.compressed();
    if (!have_format) {
      if (buffer.empty()) break;
      std::string error;
      if (!ResolveFormat(std::string_view(buffer).substr(0, kDetectBytes), options, &format, &error)) {
        report->error = error;
        return;
      }
      have_format = true;
      report->format = format.Name();
    }
    size_t cut = more ? buffer.rfind('\n') : buffer.size() - 1;
    if (cut == std::string::npos) continue;  // a line longer than the chunk: read on
    std::string_view ready = std::string_view(buffer).substr(0, cut + 1);
    report->bytes += ready.size();
    lines += ScanData(ready, format, report->name, lines, accs);
    buffer.erase(0, cut + 1);
  }
}

void ScanFile(const std::string& path, const ScanOptions& options,
              std::vector<LoadAccumulator>& accs, SourceReport* report) {
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    report->error = std::strerror(errno);
    return;
  }
  struct stat info {};
  bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0;
  void* map = regular ? ::mmap(nullptr, info.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  const auto* bytes = static_cast<const unsigned char*>(map);
  bool gzip = map != MAP_FAILED && info.st_size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
  if (map == MAP_FAILED || gzip) {
    if (map != MAP_FAILED) ::munmap(map, info.st_size);
    ScanStream(fd, options, accs, report);
  } else {
    ::madvise(map, info.st_size, MADV_SEQUENTIAL);
    std::string_view data(static_cast<const char*>(map), static_cast<size_t>(info.st_size));
    LogFormat format;
    if (ResolveFormat(data.substr(0, kDetectBytes), options, &format, &report->error)) {
      report->format = format.Name();
      report->bytes = data.size();
      // Released pages of a file mapping read back from the file if touched
      // again (malformed samples), so views into them stay valid.
      ScanData(data, format, report->name, 0, accs, /*mapped=*/true);
    }
    ::munmap(map, info.st_size);
  }
  if (fd != 0) ::close(fd);
}

}  // namespace

void ScanSources(const std::vector<std::string>& paths, const ScanOptions& options,
                 ScanResult* result) {
  std::vector<LoadAccumulator> accs(std::max(1u, options.jobs));
  for (const std::string& path : paths) {
    SourceReport report;
    report.name = path == "-" ? "(stdin)" : path;
    ScanFile(path, options, accs, &report);
    result->bytes += report.bytes;
    result->sources.push_back(std::move(report));
  }
  AddThreads(accs, &result->total);
}

void ScanBuffer(std::string_view data, const LogFormat& format, std::string_view source,
                unsigned jobs, LoadAccumulator* out) {
  std::vector<LoadAccumulator> accs(std::max(1u, jobs));
  ScanData(data, format, source, 0, accs);
  AddThreads(accs, out);
}

}  // namespace dsaudit::load
