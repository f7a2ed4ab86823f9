#include "loadtest/engine.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <http_parser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "loadtest/intrusive_list.h"
#include "loadtest/schedule.h"

namespace dsaudit::loadtest {
namespace {

constexpr uint64_t kNanosPerSecond = 1'000'000'000;
// Requests still in flight when the run ends get this long to finish, so
// that what we count matches what the server served.
constexpr uint64_t kDrainNs = 2 * kNanosPerSecond;
// A closed-model user whose connection was refused waits this long before
// trying again, rather than spinning on a server that is down.
constexpr uint64_t kConnectRetryNs = 50'000'000;
// The loop wakes at least this often to notice Ctrl-C and stage changes.
constexpr uint64_t kMaxWaitNs = 20'000'000;
// Room for this many descriptors beyond the connections (epoll, stdio, logs).
constexpr uint64_t kSpareDescriptors = 64;
constexpr size_t kMaxIntervals = 300;
constexpr size_t kReadBufferBytes = 64 * 1024;
constexpr int kMaxEvents = 512;

uint64_t NowNs() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * kNanosPerSecond + static_cast<uint64_t>(now.tv_nsec);
}

uint64_t SecondsToNs(double seconds) {
  return static_cast<uint64_t>(std::max(0.0, seconds) * static_cast<double>(kNanosPerSecond));
}

// This thread's slice of `total` when it is split over `parts` threads.
uint64_t ShareOf(uint64_t total, unsigned part, unsigned parts) {
  return total * (part + 1) / parts - total * part / parts;
}

// Everything the workers read and nobody writes during the run.
struct Shared {
  const Config* config = nullptr;
  sockaddr_storage address{};
  socklen_t address_length = 0;
  SSL_CTX* ssl_context = nullptr;
  bool host_is_ip = false;
  std::vector<std::string> requests;  // complete request bytes, prebuilt
  std::vector<bool> is_head;          // HEAD responses have no body
  unsigned threads = 1;
  uint64_t start_ns = 0;
  uint64_t end_ns = 0;
  uint64_t timeout_ns = 0;
  uint64_t think_ns = 0;
  uint64_t interval_ns = kNanosPerSecond;
  size_t interval_count = 1;
};

enum class State : uint8_t { kClosed, kConnecting, kHandshaking, kIdle, kWriting, kReading };

struct Connection {
  int fd = -1;
  SSL* ssl = nullptr;
  State state = State::kClosed;
  bool busy = false;      // carrying a request
  bool reused = false;    // the socket served an earlier request
  bool retried = false;   // already resent once on a fresh socket
  bool received = false;  // some of the response has arrived
  bool complete = false;
  bool keep_alive = false;
  bool head = false;
  bool active = false;  // closed model: a user is on this connection
  // Bumped on every close, and carried in epoll's event data, so events
  // queued for a socket that has since been replaced are recognised.
  uint32_t generation = 0;
  uint32_t index = 0;
  const std::string* request = nullptr;
  size_t written = 0;
  uint64_t due_ns = 0;    // when the request should have been sent
  uint64_t start_ns = 0;  // when it was (connect included)
  uint64_t wake_ns = 0;   // closed model: end of think time
  http_parser parser;
  Connection* prev = nullptr;
  Connection* next = nullptr;
  IntrusiveList<Connection>* list = nullptr;
};

int OnHeadersComplete(http_parser* parser) {
  auto* connection = static_cast<Connection*>(parser->data);
  // 1 tells http_parser that this response has no body, which it cannot
  // know for HEAD by itself.
  return connection->head ? 1 : 0;
}

int OnMessageComplete(http_parser* parser) {
  auto* connection = static_cast<Connection*>(parser->data);
  connection->complete = true;
  connection->keep_alive = http_should_keep_alive(parser) != 0;
  // Stop here: anything after the one response we asked for is an error.
  http_parser_pause(parser, 1);
  return 0;
}

http_parser_settings MakeParserSettings() {
  http_parser_settings settings;
  http_parser_settings_init(&settings);
  settings.on_headers_complete = OnHeadersComplete;
  settings.on_message_complete = OnMessageComplete;
  return settings;
}

const http_parser_settings kParserSettings = MakeParserSettings();

struct WorkerStats {
  uint64_t started = 0;
  uint64_t completed = 0;
  uint64_t dropped = 0;
  uint64_t unfinished = 0;
  uint64_t connects = 0;
  uint64_t bytes_sent = 0;
  uint64_t bytes_received = 0;
  std::array<uint64_t, kErrorKindCount> errors{};
  std::array<uint64_t, 600> statuses{};
  Histogram corrected;
  Histogram uncorrected;
  std::vector<Histogram> interval_latency;
  std::vector<Interval> intervals;
  uint64_t finish_ns = 0;
};

class Worker {
 public:
  Worker(const Shared& shared, unsigned index, uint32_t connections, uint64_t quota)
      : shared_(shared),
        config_(*shared.config),
        index_(index),
        connections_(connections),
        quota_left_(quota),
        schedule_(*shared.config, 1.0 / shared.threads,
                  (index + 0.5) / shared.threads),
        read_buffer_(kReadBufferBytes) {
    for (uint32_t i = 0; i < connections; ++i) connections_[i].index = i;
    idle_.reserve(connections);
    for (uint32_t i = connections; i > 0; --i) idle_.push_back(&connections_[i - 1]);
    stats_.interval_latency.assign(shared.interval_count, Histogram(kIntervalHistogramBits));
    stats_.intervals.assign(shared.interval_count, Interval{});
  }
  ~Worker() {
    for (Connection& connection : connections_) CloseSocket(&connection);
    if (epoll_ >= 0) ::close(epoll_);
  }

  void Run(const std::atomic<bool>* stop);
  WorkerStats& stats() { return stats_; }

  alignas(64) std::atomic<uint64_t> progress_completed{0};
  std::atomic<uint64_t> progress_errors{0};

 private:
  uint64_t NextDue() {
    double seconds = schedule_.Next();
    if (!std::isfinite(seconds)) return UINT64_MAX;
    return shared_.start_ns + SecondsToNs(seconds);
  }
  bool CanStart() const { return !stopping_ && quota_left_ > 0; }
  void Dispatch(uint64_t now);
  void AdjustUsers(uint64_t now);
  void WakeUsers(uint64_t now);
  void ExpireTimeouts(uint64_t now);
  void BeginStop(uint64_t now);
  uint64_t NextWake(uint64_t now) const;
  void Wait(uint64_t wait_ns);

  void StartRequest(Connection* c, uint64_t due, uint64_t now);
  void Connect(Connection* c);
  void OnConnected(Connection* c);
  void Handshake(Connection* c);
  void Write(Connection* c);
  void Read(Connection* c);
  void ProbeIdle(Connection* c);
  void HandleEvent(const epoll_event& event);
  void OnEndOfStream(Connection* c, ErrorKind kind);
  void Complete(Connection* c);
  void Fail(Connection* c, ErrorKind kind);
  void Release(Connection* c, uint64_t now, bool failed);
  void Retire(Connection* c);
  void CloseSocket(Connection* c);
  Interval& IntervalAt(uint64_t now, Histogram** latency);

  const Shared& shared_;
  const Config& config_;
  unsigned index_;
  std::vector<Connection> connections_;
  uint64_t quota_left_;
  ArrivalSchedule schedule_;
  std::vector<char> read_buffer_;
  int epoll_ = -1;
  bool stopping_ = false;
  uint64_t drain_deadline_ = 0;
  uint64_t next_due_ns_ = UINT64_MAX;
  size_t next_request_ = 0;
  // Open model: connections free to take the next due request. Closed
  // model: connections without a user.
  std::vector<Connection*> idle_;
  uint32_t active_users_ = 0;
  uint32_t target_users_ = 0;
  IntrusiveList<Connection> in_flight_;  // by start time, for timeouts
  IntrusiveList<Connection> thinking_;   // by wake time
  IntrusiveList<Connection> backoff_;    // by wake time
  WorkerStats stats_;
};

Interval& Worker::IntervalAt(uint64_t now, Histogram** latency) {
  size_t slot = static_cast<size_t>((now - std::min(now, shared_.start_ns)) / shared_.interval_ns);
  slot = std::min(slot, shared_.interval_count - 1);
  *latency = &stats_.interval_latency[slot];
  return stats_.intervals[slot];
}

void Worker::Run(const std::atomic<bool>* stop) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  if (config_.open_model) next_due_ns_ = NextDue();
  for (;;) {
    uint64_t now = NowNs();
    // Requests due before the end go out before the end is checked, so a
    // late wake-up does not count them as dropped.
    if (config_.open_model && !stopping_) Dispatch(now);
    bool asked_to_stop = stop != nullptr && stop->load(std::memory_order_relaxed);
    bool out_of_requests = quota_left_ == 0 && in_flight_.empty();
    if (!stopping_ && (now >= shared_.end_ns || asked_to_stop || out_of_requests)) BeginStop(now);
    if (stopping_) {
      if (in_flight_.empty() || now >= drain_deadline_) break;
    } else if (!config_.open_model) {
      AdjustUsers(now);
      WakeUsers(now);
    }
    ExpireTimeouts(now);
    Wait(NextWake(NowNs()));
  }
  for (Connection* c = in_flight_.front(); c != nullptr; c = in_flight_.front()) {
    ++stats_.unfinished;
    in_flight_.Remove(c);
    CloseSocket(c);
  }
  stats_.finish_ns = NowNs();
}

void Worker::BeginStop(uint64_t now) {
  stopping_ = true;
  drain_deadline_ = now + std::min(kDrainNs, shared_.timeout_ns);
  // Requests that fell due while every connection was busy were never sent;
  // they are counted, not silently forgotten, and enter the corrected
  // latency with the time they had waited when the run ended (a lower
  // bound): a server too slow to take them must not look fast for it.
  uint64_t cutoff = std::min(now, shared_.end_ns);
  while (config_.open_model && next_due_ns_ < cutoff && quota_left_ > 0) {
    stats_.corrected.Record((cutoff - next_due_ns_) / 1000);
    ++stats_.dropped;
    --quota_left_;
    next_due_ns_ = NextDue();
  }
}

void Worker::Dispatch(uint64_t now) {
  uint64_t until = std::min(now, shared_.end_ns - 1);
  while (next_due_ns_ <= until && !idle_.empty() && CanStart()) {
    Connection* c = idle_.back();
    idle_.pop_back();
    uint64_t due = next_due_ns_;
    next_due_ns_ = NextDue();
    StartRequest(c, due, now);
  }
}

void Worker::AdjustUsers(uint64_t now) {
  double elapsed = static_cast<double>(now - std::min(now, shared_.start_ns)) / kNanosPerSecond;
  auto total = static_cast<uint64_t>(std::llround(config_.TargetAt(elapsed)));
  target_users_ = static_cast<uint32_t>(ShareOf(total, index_, shared_.threads));
  // Users above the target leave when their current request ends.
  while (active_users_ < target_users_ && !idle_.empty() && CanStart()) {
    Connection* c = idle_.back();
    idle_.pop_back();
    c->active = true;
    ++active_users_;
    StartRequest(c, now, now);
  }
}

void Worker::WakeUsers(uint64_t now) {
  for (IntrusiveList<Connection>* list : {&thinking_, &backoff_}) {
    while (!list->empty() && list->front()->wake_ns <= now) {
      Connection* c = list->front();
      list->Remove(c);
      if (active_users_ > target_users_ || !CanStart()) {
        Retire(c);
        continue;
      }
      StartRequest(c, now, now);
    }
  }
}

void Worker::ExpireTimeouts(uint64_t now) {
  while (!in_flight_.empty() && in_flight_.front()->start_ns + shared_.timeout_ns <= now) {
    Fail(in_flight_.front(), ErrorKind::kTimeout);
  }
}

uint64_t Worker::NextWake(uint64_t now) const {
  uint64_t wake = now + kMaxWaitNs;
  if (stopping_) return std::min(wake, drain_deadline_);
  wake = std::min(wake, shared_.end_ns);
  if (!in_flight_.empty()) wake = std::min(wake, in_flight_.front()->start_ns + shared_.timeout_ns);
  if (!thinking_.empty()) wake = std::min(wake, thinking_.front()->wake_ns);
  if (!backoff_.empty()) wake = std::min(wake, backoff_.front()->wake_ns);
  if (config_.open_model && !idle_.empty()) wake = std::min(wake, next_due_ns_);
  return wake;
}

void Worker::Wait(uint64_t wake) {
  uint64_t now = NowNs();
  uint64_t wait_ns = wake > now ? wake - now : 0;
  std::array<epoll_event, kMaxEvents> events;
  // epoll_pwait2 takes nanoseconds: an open-model schedule of thousands of
  // requests a second cannot be kept to whole milliseconds.
  timespec timeout{static_cast<time_t>(wait_ns / kNanosPerSecond),
                   static_cast<long>(wait_ns % kNanosPerSecond)};
  int count = epoll_pwait2(epoll_, events.data(), kMaxEvents, &timeout, nullptr);
  if (count < 0 && errno == ENOSYS) {
    count = epoll_wait(epoll_, events.data(), kMaxEvents,
                       static_cast<int>((wait_ns + 999'999) / 1'000'000));
  }
  for (int i = 0; i < count; ++i) HandleEvent(events[i]);
}

void Worker::StartRequest(Connection* c, uint64_t due, uint64_t now) {
  --quota_left_;
  ++stats_.started;
  size_t which = next_request_++ % shared_.requests.size();
  c->request = &shared_.requests[which];
  c->head = shared_.is_head[which];
  c->busy = true;
  c->due_ns = due;
  c->start_ns = now;
  c->retried = false;
  in_flight_.PushBack(c);
  c->written = 0;
  c->received = c->complete = false;
  http_parser_init(&c->parser, HTTP_RESPONSE);
  c->parser.data = c;
  if (c->fd < 0) {
    c->reused = false;
    Connect(c);
    return;
  }
  c->reused = true;
  c->state = State::kWriting;
  Write(c);
}

void Worker::Connect(Connection* c) {
  const sockaddr* address = reinterpret_cast<const sockaddr*>(&shared_.address);
  ++stats_.connects;
  c->fd = ::socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c->fd < 0) {
    Fail(c, ErrorKind::kConnect);
    return;
  }
  int one = 1;
  ::setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  // Edge-triggered for both directions, registered once: the hot path then
  // makes no epoll_ctl calls at all.
  epoll_event event{};
  event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  event.data.u64 = (static_cast<uint64_t>(c->generation) << 32) | c->index;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, c->fd, &event);
  c->state = State::kConnecting;
  if (::connect(c->fd, address, shared_.address_length) == 0) {
    OnConnected(c);
    return;
  }
  if (errno != EINPROGRESS) Fail(c, ErrorKind::kConnect);
}

void Worker::OnConnected(Connection* c) {
  if (shared_.ssl_context == nullptr) {
    c->state = State::kWriting;
    Write(c);
    return;
  }
  c->ssl = SSL_new(shared_.ssl_context);
  SSL_set_fd(c->ssl, c->fd);
  const std::string& host = config_.url.host;
  if (!shared_.host_is_ip) SSL_set_tlsext_host_name(c->ssl, host.c_str());
  if (!config_.insecure) {
    X509_VERIFY_PARAM* param = SSL_get0_param(c->ssl);
    if (shared_.host_is_ip) {
      X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    } else {
      SSL_set1_host(c->ssl, host.c_str());
    }
  }
  c->state = State::kHandshaking;
  Handshake(c);
}

void Worker::Handshake(Connection* c) {
  ERR_clear_error();
  int done = SSL_connect(c->ssl);
  if (done == 1) {
    c->state = State::kWriting;
    Write(c);
    return;
  }
  int error = SSL_get_error(c->ssl, done);
  if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return;
  Fail(c, ErrorKind::kTls);
}

void Worker::Write(Connection* c) {
  const std::string& request = *c->request;
  while (c->written < request.size()) {
    const char* data = request.data() + c->written;
    size_t left = request.size() - c->written;
    if (c->ssl != nullptr) {
      ERR_clear_error();
      int n = SSL_write(c->ssl, data, static_cast<int>(left));
      if (n > 0) {
        c->written += static_cast<size_t>(n);
        stats_.bytes_sent += static_cast<uint64_t>(n);
        continue;
      }
      int error = SSL_get_error(c->ssl, n);
      if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) return;
      OnEndOfStream(c, ErrorKind::kReset);
      return;
    }
    ssize_t n = ::send(c->fd, data, left, MSG_NOSIGNAL);
    if (n > 0) {
      c->written += static_cast<size_t>(n);
      stats_.bytes_sent += static_cast<uint64_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;  // EPOLLOUT resumes
    OnEndOfStream(c, ErrorKind::kReset);
    return;
  }
  c->state = State::kReading;
}

void Worker::Read(Connection* c) {
  char* buffer = read_buffer_.data();
  for (;;) {
    ssize_t n = 0;
    if (c->ssl != nullptr) {
      ERR_clear_error();
      int got = SSL_read(c->ssl, buffer, static_cast<int>(read_buffer_.size()));
      if (got <= 0) {
        int error = SSL_get_error(c->ssl, got);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) return;
        bool clean = error == SSL_ERROR_ZERO_RETURN ||
                     (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0);
        OnEndOfStream(c, clean ? ErrorKind::kReset : ErrorKind::kTls);
        return;
      }
      n = got;
    } else {
      n = ::recv(c->fd, buffer, read_buffer_.size(), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (n <= 0) {
        OnEndOfStream(c, ErrorKind::kReset);
        return;
      }
    }
    stats_.bytes_received += static_cast<uint64_t>(n);
    c->received = true;
    size_t parsed = http_parser_execute(&c->parser, &kParserSettings, buffer, static_cast<size_t>(n));
    if (c->complete) {
      // More bytes than the one response we asked for: the stream is out of
      // step, so the connection cannot be trusted with another request.
      if (parsed + 1 < static_cast<size_t>(n)) c->keep_alive = false;
      Complete(c);
      return;
    }
    if (HTTP_PARSER_ERRNO(&c->parser) != HPE_OK) {
      Fail(c, ErrorKind::kProtocol);
      return;
    }
    // A short read emptied the socket; with edge triggering, more data will
    // raise a new event, so the extra recv() that would say EAGAIN is saved.
    // TLS reads return one record at a time, so they read on to WANT_READ.
    if (c->ssl == nullptr && static_cast<size_t>(n) < read_buffer_.size()) return;
  }
}

void Worker::OnEndOfStream(Connection* c, ErrorKind kind) {
  if (!c->busy) {
    CloseSocket(c);
    return;
  }
  if (c->state == State::kReading && c->received) {
    // A response delimited by the connection closing ends here.
    http_parser_execute(&c->parser, &kParserSettings, nullptr, 0);
    if (c->complete) {
      c->keep_alive = false;
      Complete(c);
      return;
    }
  }
  // A kept-alive connection the server closed while idle: like every HTTP
  // client, resend once on a fresh connection instead of reporting an error.
  if (c->reused && !c->retried && !c->received) {
    CloseSocket(c);
    c->retried = true;
    c->reused = false;
    c->written = 0;
    http_parser_init(&c->parser, HTTP_RESPONSE);
    c->parser.data = c;
    Connect(c);
    return;
  }
  Fail(c, kind);
}

void Worker::ProbeIdle(Connection* c) {
  // Data or an end of stream on a connection with no request outstanding
  // means the server closed it (or misbehaves): drop it, reconnect later.
  // TLS 1.3 session tickets can arrive here too; SSL_read consumes them.
  char byte;
  if (c->ssl != nullptr) {
    ERR_clear_error();
    int got = SSL_read(c->ssl, &byte, 1);
    int error = SSL_get_error(c->ssl, got);
    if (got <= 0 && (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)) return;
  } else {
    ssize_t n = ::recv(c->fd, &byte, 1, MSG_PEEK);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
  }
  CloseSocket(c);
}

void Worker::HandleEvent(const epoll_event& event) {
  auto index = static_cast<uint32_t>(event.data.u64);
  auto generation = static_cast<uint32_t>(event.data.u64 >> 32);
  if (index >= connections_.size()) return;
  Connection* c = &connections_[index];
  if (c->generation != generation || c->fd < 0) return;
  switch (c->state) {
    case State::kConnecting: {
      if ((event.events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) return;
      int error = 0;
      socklen_t length = sizeof(error);
      getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &error, &length);
      if (error != 0 || (event.events & (EPOLLERR | EPOLLHUP)) != 0) {
        Fail(c, ErrorKind::kConnect);
        return;
      }
      OnConnected(c);
      return;
    }
    case State::kHandshaking:
      Handshake(c);
      return;
    case State::kWriting:
      Write(c);
      // An early answer (e.g. 413 before the whole body) is read too.
      if (c->state == State::kReading && c->generation == generation) Read(c);
      return;
    case State::kReading:
      Read(c);
      return;
    case State::kIdle:
      ProbeIdle(c);
      return;
    case State::kClosed:
      return;
  }
}

void Worker::Complete(Connection* c) {
  uint64_t now = NowNs();
  uint64_t uncorrected_us = (now - c->start_ns) / 1000;
  uint64_t corrected_us = (now - std::min(now, c->due_ns)) / 1000;
  stats_.uncorrected.Record(uncorrected_us);
  stats_.corrected.Record(corrected_us);
  Histogram* latency = nullptr;
  Interval& interval = IntervalAt(now, &latency);
  latency->Record(corrected_us);
  ++interval.completed;
  ++stats_.completed;
  unsigned status = c->parser.status_code;
  ++stats_.statuses[std::min<size_t>(status, stats_.statuses.size() - 1)];
  if (status >= 400) {
    ++stats_.errors[static_cast<size_t>(ErrorKind::kHttpStatus)];
    ++interval.errors;
    progress_errors.store(progress_errors.load(std::memory_order_relaxed) + 1,
                          std::memory_order_relaxed);
  }
  progress_completed.store(stats_.completed, std::memory_order_relaxed);
  if (!c->keep_alive) CloseSocket(c);
  Release(c, now, false);
}

void Worker::Fail(Connection* c, ErrorKind kind) {
  uint64_t now = NowNs();
  ++stats_.errors[static_cast<size_t>(kind)];
  Histogram* latency = nullptr;
  ++IntervalAt(now, &latency).errors;
  progress_errors.store(progress_errors.load(std::memory_order_relaxed) + 1,
                        std::memory_order_relaxed);
  CloseSocket(c);
  Release(c, now, kind == ErrorKind::kConnect);
}

// The request on `c` is over; the connection takes the next one or waits.
void Worker::Release(Connection* c, uint64_t now, bool refused) {
  if (c->list != nullptr) c->list->Remove(c);
  c->busy = false;
  if (c->fd >= 0) c->state = State::kIdle;
  if (config_.open_model) {
    idle_.push_back(c);
    return;
  }
  if (active_users_ > target_users_ || !CanStart()) {
    Retire(c);
    return;
  }
  if (refused || shared_.think_ns > 0) {
    c->wake_ns = now + (refused ? std::max(kConnectRetryNs, shared_.think_ns) : shared_.think_ns);
    (refused ? backoff_ : thinking_).PushBack(c);
    return;
  }
  StartRequest(c, now, now);
}

void Worker::Retire(Connection* c) {
  CloseSocket(c);
  c->active = false;
  --active_users_;
  idle_.push_back(c);
}

void Worker::CloseSocket(Connection* c) {
  if (c->ssl != nullptr) {
    SSL_free(c->ssl);
    c->ssl = nullptr;
  }
  if (c->fd >= 0) ::close(c->fd);
  c->fd = -1;
  c->state = State::kClosed;
  ++c->generation;
}

std::string HostHeader(const Url& url) {
  std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
  bool default_port = url.port == (url.tls ? 443 : 80);
  return default_port ? host : fmt::format("{}:{}", host, url.port);
}

bool HasHeader(const std::vector<std::string>& headers, std::string_view name) {
  for (const std::string& header : headers) {
    if (header.size() > name.size() && header[name.size()] == ':' &&
        strncasecmp(header.data(), name.data(), name.size()) == 0) {
      return true;
    }
  }
  return false;
}

std::string BuildRequest(const Config& config, const RequestSpec& spec) {
  const std::string& target = spec.target.empty() ? config.url.target : spec.target;
  std::string request = fmt::format("{} {} HTTP/1.1\r\n", spec.method, target);
  if (!HasHeader(config.headers, "host")) request += "Host: " + HostHeader(config.url) + "\r\n";
  if (!HasHeader(config.headers, "user-agent")) {
    request += "User-Agent: dsaudit-bench/" DSAUDIT_VERSION "\r\n";
  }
  for (const std::string& header : config.headers) request += header + "\r\n";
  bool sends_body = !spec.body.empty() || spec.method == "POST" || spec.method == "PUT" ||
                    spec.method == "PATCH";
  if (sends_body && !HasHeader(config.headers, "content-length")) {
    request += fmt::format("Content-Length: {}\r\n", spec.body.size());
  }
  request += "\r\n";
  request += spec.body;
  return request;
}

bool Resolve(const Url& url, Shared* shared, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  std::string port = std::to_string(url.port);
  int status = getaddrinfo(url.host.c_str(), port.c_str(), &hints, &found);
  if (status != 0 || found == nullptr) {
    *error = fmt::format("cannot resolve '{}': {}", url.host, gai_strerror(status));
    return false;
  }
  std::memcpy(&shared->address, found->ai_addr, found->ai_addrlen);
  shared->address_length = found->ai_addrlen;
  freeaddrinfo(found);
  in6_addr ip;
  shared->host_is_ip = inet_pton(AF_INET, url.host.c_str(), &ip) == 1 ||
                       inet_pton(AF_INET6, url.host.c_str(), &ip) == 1;
  return true;
}

// Each connection is a descriptor: raise the soft limit as far as the hard
// one allows, and say plainly when even that is too few.
bool RaiseDescriptorLimit(uint64_t connections, std::string* error) {
  uint64_t needed = connections + kSpareDescriptors;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return true;
  if (limit.rlim_cur >= needed) return true;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed) {
    *error = fmt::format(
        "{} connections need {} file descriptors, but the limit is {} (hard limit {}); raise it "
        "with `ulimit -n {}` (as root for the hard limit) or use fewer connections",
        connections, needed, limit.rlim_cur, limit.rlim_max, needed);
    return false;
  }
  rlim_t old = limit.rlim_cur;
  limit.rlim_cur = needed;
  if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
    *error = fmt::format("cannot raise the file-descriptor limit from {} to {}: {}", old, needed,
                         std::strerror(errno));
    return false;
  }
  return true;
}

struct SslContextDeleter {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};

std::unique_ptr<SSL_CTX, SslContextDeleter> MakeSslContext(const Config& config,
                                                           std::string* error) {
  std::unique_ptr<SSL_CTX, SslContextDeleter> context(SSL_CTX_new(TLS_client_method()));
  if (!context) {
    *error = "cannot create a TLS context";
    return nullptr;
  }
  static const unsigned char kAlpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  SSL_CTX_set_alpn_protos(context.get(), kAlpn, sizeof(kAlpn));
  if (config.insecure) {
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    return context;
  }
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
  bool loaded = config.ca_file.empty()
                    ? SSL_CTX_set_default_verify_paths(context.get()) == 1
                    : SSL_CTX_load_verify_locations(context.get(), config.ca_file.c_str(),
                                                    nullptr) == 1;
  if (!loaded) {
    *error = config.ca_file.empty() ? "cannot load the system's CA certificates"
                                    : fmt::format("cannot load CA file '{}'", config.ca_file);
    return nullptr;
  }
  return context;
}

Result Merge(const Config& config, const Shared& shared,
             std::vector<std::unique_ptr<Worker>>& workers) {
  Result result;
  result.open_model = config.open_model;
  result.connections = config.MaxConnections();
  result.threads = shared.threads;
  result.load_seconds = config.TotalSeconds();
  if (config.open_model) {
    result.target_rate = config.rate;
    for (const Stage& stage : config.stages) result.target_rate = std::max(result.target_rate, stage.target);
  } else {
    result.users = config.MaxConnections();
  }
  result.interval_seconds = static_cast<double>(shared.interval_ns) / kNanosPerSecond;
  std::vector<Histogram> interval_latency(shared.interval_count, Histogram(kIntervalHistogramBits));
  result.intervals.assign(shared.interval_count, Interval{});
  uint64_t finish_ns = shared.start_ns;
  for (auto& worker : workers) {
    WorkerStats& stats = worker->stats();
    result.started += stats.started;
    result.completed += stats.completed;
    result.dropped += stats.dropped;
    result.unfinished += stats.unfinished;
    result.connects += stats.connects;
    result.bytes_sent += stats.bytes_sent;
    result.bytes_received += stats.bytes_received;
    for (size_t i = 0; i < kErrorKindCount; ++i) result.errors[i] += stats.errors[i];
    for (size_t code = 0; code < stats.statuses.size(); ++code) {
      if (stats.statuses[code] != 0) result.status_counts[static_cast<int>(code)] += stats.statuses[code];
    }
    result.corrected.Merge(stats.corrected);
    result.uncorrected.Merge(stats.uncorrected);
    for (size_t i = 0; i < shared.interval_count; ++i) {
      interval_latency[i].Merge(stats.interval_latency[i]);
      result.intervals[i].completed += stats.intervals[i].completed;
      result.intervals[i].errors += stats.intervals[i].errors;
    }
    finish_ns = std::max(finish_ns, stats.finish_ns);
  }
  result.elapsed_seconds = static_cast<double>(finish_ns - shared.start_ns) / kNanosPerSecond;
  // Only the slices the run reached: drop the spare ones at the end.
  size_t used = std::min<size_t>(shared.interval_count,
                                 (finish_ns - shared.start_ns) / shared.interval_ns + 1);
  result.intervals.resize(used);
  for (size_t i = 0; i < used; ++i) {
    result.intervals[i].seconds =
        std::min(result.interval_seconds, result.elapsed_seconds - static_cast<double>(i) * result.interval_seconds);
    const Histogram& latency = interval_latency[i];
    result.intervals[i].p50_us = latency.ValueAtPercentile(50);
    result.intervals[i].p90_us = latency.ValueAtPercentile(90);
    result.intervals[i].p99_us = latency.ValueAtPercentile(99);
    result.intervals[i].max_us = latency.max();
  }
  return result;
}

}  // namespace

std::optional<Result> RunLoadTest(const Config& config, const RunControl& control,
                                  std::string* error) {
  uint32_t connections = config.MaxConnections();
  if (connections == 0) {
    *error = config.open_model ? "the open model needs at least one connection"
                               : "the closed model needs at least one user";
    return std::nullopt;
  }
  if (config.requests.empty()) {
    *error = "no request to send";
    return std::nullopt;
  }
  Shared shared;
  shared.config = &config;
  if (!Resolve(config.url, &shared, error)) return std::nullopt;
  if (!RaiseDescriptorLimit(connections, error)) return std::nullopt;
  std::unique_ptr<SSL_CTX, SslContextDeleter> ssl_context;
  if (config.url.tls) {
    ssl_context = MakeSslContext(config, error);
    if (!ssl_context) return std::nullopt;
    shared.ssl_context = ssl_context.get();
  }
  for (const RequestSpec& spec : config.requests) {
    shared.requests.push_back(BuildRequest(config, spec));
    shared.is_head.push_back(spec.method == "HEAD");
  }
  unsigned cores = config.threads != 0 ? config.threads : std::thread::hardware_concurrency();
  shared.threads = std::clamp<unsigned>(cores, 1, connections);
  double total_seconds = config.TotalSeconds();
  shared.timeout_ns = SecondsToNs(config.timeout_seconds);
  shared.think_ns = SecondsToNs(config.think_seconds);
  double interval = std::max(1.0, std::ceil(total_seconds / kMaxIntervals));
  shared.interval_ns = SecondsToNs(interval);
  // Room for the drain after the end, and a slice to clamp anything later.
  shared.interval_count = static_cast<size_t>(std::ceil(total_seconds / interval)) + 4;

  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < shared.threads; ++i) {
    uint64_t quota = config.max_requests == 0 ? UINT64_MAX
                                              : ShareOf(config.max_requests, i, shared.threads);
    auto share = static_cast<uint32_t>(ShareOf(connections, i, shared.threads));
    workers.push_back(std::make_unique<Worker>(shared, i, share, quota));
  }
  shared.start_ns = NowNs();
  shared.end_ns = shared.start_ns + SecondsToNs(total_seconds);

  std::atomic<unsigned> running{shared.threads};
  std::vector<std::thread> threads;
  for (auto& worker : workers) {
    threads.emplace_back([&worker, &control, &running] {
      worker->Run(control.stop);
      running.fetch_sub(1);
    });
  }
  uint64_t next_progress = shared.start_ns + kNanosPerSecond;
  while (running.load() > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    uint64_t now = NowNs();
    if (!control.on_progress || now < next_progress) continue;
    next_progress += kNanosPerSecond;
    Progress progress;
    progress.elapsed_seconds = static_cast<double>(now - shared.start_ns) / kNanosPerSecond;
    for (auto& worker : workers) {
      progress.completed += worker->progress_completed.load(std::memory_order_relaxed);
      progress.errors += worker->progress_errors.load(std::memory_order_relaxed);
    }
    control.on_progress(progress);
  }
  for (std::thread& thread : threads) thread.join();

  Result result = Merge(config, shared, workers);
  result.url = fmt::format("{}://{}{}", config.url.tls ? "https" : "http",
                           HostHeader(config.url), config.url.target);
  result.interrupted = control.stop != nullptr && control.stop->load();
  return result;
}

}  // namespace dsaudit::loadtest
