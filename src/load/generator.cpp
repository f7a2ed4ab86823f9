#include "load/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <string>

#include "load/civil_time.h"

namespace dsaudit::load {
namespace {

// xoshiro256**: fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& s : state_) {
      seed += 0x9e3779b97f4a7c15ULL;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      s = z ^ (z >> 31);
    }
  }
  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>(Uniform() * static_cast<double>(n)); }
  double Normal() {
    double u = std::max(Uniform(), 1e-300), v = Uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> state_;
};

struct Endpoint {
  const char* method;
  const char* path;  // "{id}" is replaced by a number
  double weight;
  uint64_t bytes;
  double seconds;  // typical request time
};

constexpr Endpoint kEndpoints[] = {
    {"GET", "/", 10, 12000, 0.02},
    {"GET", "/api/v1/items", 15, 8000, 0.05},
    {"GET", "/api/v1/items/{id}", 20, 2500, 0.03},
    {"GET", "/api/v1/search?q=item{id}", 10, 6000, 0.12},
    {"GET", "/api/v1/users/{id}/orders", 8, 4000, 0.08},
    {"POST", "/api/v1/predict", 6, 600, 0.35},
    {"GET", "/static/app.js", 8, 180000, 0.004},
    {"GET", "/static/app.css", 7, 40000, 0.003},
    {"GET", "/static/logo.png", 5, 22000, 0.003},
    {"POST", "/login", 3, 300, 0.09},
    {"GET", "/health", 5, 2, 0.001},
    {"GET", "/favicon.ico", 3, 1150, 0.001},
};

constexpr const char* kAgents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 Edg/119.0.0.0",
    "python-requests/2.31.0",
    "curl/8.4.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
};
// Cumulative agent weights: bots (the last three) send about 8% of requests.
constexpr double kAgentCumulative[] = {0.30, 0.48, 0.58, 0.72, 0.82, 0.86, 0.89, 0.92, 0.96, 0.985, 1.0};

constexpr std::pair<int, double> kStatuses[] = {{200, 0.880}, {304, 0.920}, {301, 0.930}, {404, 0.970},
                                                {401, 0.980}, {500, 0.995}, {503, 1.0}};

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Relative traffic by local hour of day (fractional).
double Daily(double hour) {
  auto bump = [](double x, double centre, double width) {
    double d = std::abs(x - centre);
    d = std::min(d, 24 - d);  // periodic: midnight has no step
    return std::exp(-(d / width) * (d / width));
  };
  return 0.2 + 0.8 * bump(hour, 14.5, 4.0) + 0.3 * bump(hour, 10.0, 1.8) + 0.15 * bump(hour, 21.0, 1.5);
}

// Relative traffic by day of week (Monday 0), interpolated between noons:
// real traffic eases into the weekend, it does not halve at midnight.
double Weekly(int weekday, double hour) {
  static constexpr double kDays[] = {1.0, 1.03, 1.02, 1.0, 0.92, 0.55, 0.48};
  int other = hour < 12 ? (weekday + 6) % 7 : (weekday + 1) % 7;
  double weight = std::abs(hour - 12) / 24;  // 0 at noon, 0.5 at midnight
  return (1 - weight) * kDays[weekday] + weight * kDays[other];
}

std::vector<PlantedBurst> PlanBursts(const GeneratorOptions& o, Rng& rng) {
  int wanted = o.bursts >= 0 ? o.bursts : std::max(1, o.days / 3);
  std::vector<PlantedBurst> bursts;
  const int64_t span = int64_t{o.days} * 86400;
  // Away from the edges (the detector needs an hour of history before a
  // burst) and six hours apart, so each burst has a quiet baseline.
  for (int attempt = 0; attempt < 1000 && static_cast<int>(bursts.size()) < wanted; ++attempt) {
    int64_t start = o.start + 7200 + static_cast<int64_t>(rng.Below(static_cast<uint64_t>(span - 4 * 3600)));
    int64_t length = 180 + static_cast<int64_t>(rng.Below(17 * 60));
    double factor = 4.0 + 4.0 * rng.Uniform();  // flash crowds, retries storms
    bool clear = std::all_of(bursts.begin(), bursts.end(), [&](const PlantedBurst& b) {
      return start > b.end + 6 * 3600 || start + length + 6 * 3600 < b.start;
    });
    if (clear) bursts.push_back({start, start + length, factor});
  }
  std::sort(bursts.begin(), bursts.end(),
            [](const PlantedBurst& a, const PlantedBurst& b) { return a.start < b.start; });
  return bursts;
}

// Extra rate a burst adds to second `t`, as a multiple of the base rate.
double BurstExtra(const std::vector<PlantedBurst>& bursts, int64_t t) {
  for (const PlantedBurst& b : bursts) {
    if (t >= b.start && t < b.end) return b.factor - 1;
  }
  return 0;
}

class LineWriter {
 public:
  LineWriter(const GeneratorOptions& o, const std::function<void(std::string_view)>& sink)
      : options_(o), sink_(sink) {
    Rng rng(o.seed ^ 0x5eed);
    for (int i = 0; i < 30000; ++i) {
      uint64_t r = rng.Next();
      clients_.push_back(fmt::format("{}.{}.{}.{}", 1 + (r & 0xff) % 223, (r >> 8) & 0xff,
                                     (r >> 16) & 0xff, 1 + ((r >> 24) & 0xff) % 254));
    }
    int32_t off = o.utc_offset_minutes;
    zone_ = fmt::format("{}{:02}{:02}", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    buffer_.reserve(kFlush + 4096);
  }

  void Write(int64_t t, Rng& rng) {
    const Endpoint& e = PickEndpoint(rng);
    std::string_view path = e.path;
    size_t id_at = path.find("{id}");
    uint64_t id = id_at == std::string_view::npos ? 0 : 1 + rng.Below(5000);
    double u = rng.Uniform();
    int status = 200;
    for (const auto& [code, cumulative] : kStatuses) {
      if (u < cumulative) {
        status = code;
        break;
      }
    }
    uint64_t bytes = status == 304 ? 0 : static_cast<uint64_t>(static_cast<double>(e.bytes) * (0.5 + rng.Uniform()));
    double c = rng.Uniform();
    const std::string& client = clients_[static_cast<size_t>(static_cast<double>(clients_.size()) * c * c)];
    double a = rng.Uniform();
    size_t agent = 0;
    while (a >= kAgentCumulative[agent]) ++agent;
    if (options_.style == GeneratedStyle::kJson) {
      std::string full(path);
      if (id_at != std::string_view::npos) full.replace(id_at, 4, std::to_string(id));
      WriteJson(t, e, full, status, bytes, client, kAgents[agent], e.seconds * std::exp(0.6 * rng.Normal()));
    } else {
      WriteClf(t, e, path, id_at, id, status, bytes, client, kAgents[agent], rng);
    }
    ++lines_;
    if (buffer_.size() >= kFlush) Flush();
  }

  void Flush() {
    bytes_ += buffer_.size();
    if (!buffer_.empty()) sink_(buffer_);
    buffer_.clear();
  }
  uint64_t lines() const { return lines_; }
  uint64_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kFlush = 1 << 20;

  const Endpoint& PickEndpoint(Rng& rng) {
    static const double total = [] {
      double sum = 0;
      for (const Endpoint& e : kEndpoints) sum += e.weight;
      return sum;
    }();
    double pick = rng.Uniform() * total;
    for (const Endpoint& e : kEndpoints) {
      if ((pick -= e.weight) < 0) return e;
    }
    return kEndpoints[0];
  }

  // The timestamp text changes once a second: formatted once per second.
  const std::string& Stamp(int64_t t) {
    if (t == stamp_time_) return stamp_;
    CivilTime c = CivilFromUnix(t + int64_t{options_.utc_offset_minutes} * 60);
    stamp_ = fmt::format("{:02}/{}/{:04}:{:02}:{:02}:{:02} {}", c.day, kMonths[c.month - 1], c.year,
                         c.hour, c.minute, c.second, zone_);
    stamp_time_ = t;
    return stamp_;
  }

  void WriteClf(int64_t t, const Endpoint& e, std::string_view path, size_t id_at, uint64_t id,
                int status, uint64_t bytes, const std::string& client, const char* agent, Rng& rng) {
    std::string& b = buffer_;
    b += client;
    b += " - - [";
    b += Stamp(t);
    b += "] \"";
    b += e.method;
    b += ' ';
    if (id_at == std::string_view::npos) {
      b += path;
    } else {
      b += path.substr(0, id_at);
      b += fmt::format_int(id).c_str();
      b += path.substr(id_at + 4);
    }
    b += " HTTP/1.1\" ";
    b += fmt::format_int(status).c_str();
    b += ' ';
    b += fmt::format_int(bytes).c_str();
    if (options_.style == GeneratedStyle::kCombined) {
      b += rng.Uniform() < 0.4 ? " \"https://example.com/\" \"" : " \"-\" \"";
      b += agent;
      b += '"';
    }
    b += '\n';
  }

  void WriteJson(int64_t t, const Endpoint& e, const std::string& path, int status, uint64_t bytes,
                 const std::string& client, const char* agent, double seconds) {
    fmt::format_to(std::back_inserter(buffer_),
                   "{{\"level\":\"info\",\"ts\":{}.{:03},\"logger\":\"http.log.access\",\"msg\":\"handled request\","
                   "\"request\":{{\"remote_ip\":\"{}\",\"proto\":\"HTTP/1.1\",\"method\":\"{}\",\"uri\":\"{}\","
                   "\"headers\":{{\"User-Agent\":[\"{}\"]}}}},\"duration\":{:.6f},\"size\":{},\"status\":{}}}\n",
                   t, lines_ % 1000, client, e.method, path, agent, seconds, bytes, status);
  }

  const GeneratorOptions& options_;
  const std::function<void(std::string_view)>& sink_;
  std::vector<std::string> clients_;
  std::string zone_;
  std::string stamp_;
  int64_t stamp_time_ = INT64_MIN;
  std::string buffer_;
  uint64_t lines_ = 0, bytes_ = 0;
};

}  // namespace

GeneratedLog GenerateLog(const GeneratorOptions& o,
                         const std::function<void(std::string_view)>& sink) {
  Rng rng(o.seed);
  GeneratedLog result;
  result.bursts = PlanBursts(o, rng);
  const int64_t minutes = int64_t{o.days} * 1440;
  std::vector<double> weight(static_cast<size_t>(minutes));
  double hour_noise = 1;
  for (int64_t m = 0; m < minutes; ++m) {
    int64_t t = o.start + m * 60;
    int64_t local = t + int64_t{o.utc_offset_minutes} * 60;
    int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    double hour = static_cast<double>(local - day * 86400) / 3600;
    int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7);
    if (m % 60 == 0) hour_noise = 1 + 0.03 * rng.Normal();
    double growth = std::pow(1 + o.weekly_growth, static_cast<double>(m) / (7 * 1440));
    double w = Daily(hour) * Weekly(weekday, hour) * growth * hour_noise * std::max(0.5, 1 + 0.04 * rng.Normal());
    double extra = 0;
    for (int s = 0; s < 60; s += 10) extra += BurstExtra(result.bursts, t + s) / 6;
    weight[static_cast<size_t>(m)] = w * (1 + extra);
  }
  double total = 0;
  for (double w : weight) total += w;
  LineWriter writer(o, sink);
  double cumulative = 0;
  const double offset = rng.Uniform();
  uint64_t emitted = 0;
  std::vector<int64_t> seconds;
  for (int64_t m = 0; m < minutes; ++m) {
    cumulative += weight[static_cast<size_t>(m)];
    uint64_t upto = std::min(o.lines, static_cast<uint64_t>(static_cast<double>(o.lines) * cumulative / total + offset));
    if (m == minutes - 1) upto = o.lines;
    uint64_t count = upto - emitted;
    emitted = upto;
    int64_t t0 = o.start + m * 60;
    // Seconds inside the minute follow the burst edges, so a burst that
    // starts at :40 starts there in the log too.
    std::array<double, 60> cdf{};
    double running = 0;
    for (int s = 0; s < 60; ++s) cdf[s] = running += 1 + BurstExtra(result.bursts, t0 + s);
    seconds.clear();
    for (uint64_t i = 0; i < count; ++i) {
      double pick = rng.Uniform() * running;
      seconds.push_back(t0 + (std::upper_bound(cdf.begin(), cdf.end(), pick) - cdf.begin()));
    }
    std::sort(seconds.begin(), seconds.end());
    for (int64_t t : seconds) writer.Write(std::min(t, t0 + 59), rng);
  }
  writer.Flush();
  result.lines = writer.lines();
  result.bytes = writer.bytes();
  return result;
}

}  // namespace dsaudit::load
