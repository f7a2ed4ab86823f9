// Servers for the load-test tests, started by the test itself on
// 127.0.0.1: a tiny in-process HTTP server that can stall or fail on
// command, and nginx run as a child process with its own config and access
// log. Header-only: only *_test.cpp files include it.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace dsaudit::loadtest::testing {

// A port nobody listens on right now: bound, read back, released.
inline uint16_t FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// Waits (at most `limit`) until something accepts connections on `port`.
inline bool WaitForPort(uint16_t port, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// Answers every request with `status` and a two-byte body, keep-alive. One
// thread serves all connections, so a stall stalls the whole server, as a
// blocked event loop or a full worker pool does.
class TestServer {
 public:
  TestServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    ::listen(listener_, 1024);
    socklen_t length = sizeof(address);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TestServer() {
    stop_.store(true);
    thread_.join();
    for (Client& client : clients_) ::close(client.fd);
    ::close(listener_);
  }

  uint16_t port() const { return port_; }
  uint64_t requests() const { return requests_.load(); }
  // The server stops answering for `stall` when request number `at` (1-based) arrives.
  void StallAt(uint64_t at, std::chrono::milliseconds stall) {
    stall_ms_.store(stall.count());
    stall_at_.store(at);
  }
  void SetStatus(int status) { status_.store(status); }
  std::string Url(const std::string& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  struct Client {
    int fd;
    std::string pending;
  };

  void Serve() {
    while (!stop_.load()) {
      std::vector<pollfd> fds{{listener_, POLLIN, 0}};
      for (const Client& client : clients_) fds.push_back({client.fd, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), 10) <= 0) continue;
      if (fds[0].revents != 0) Accept();
      for (size_t i = fds.size() - 1; i > 0; --i) {
        if (fds[i].revents != 0 && !Serve(clients_[i - 1])) {
          ::close(clients_[i - 1].fd);
          clients_.erase(clients_.begin() + static_cast<std::ptrdiff_t>(i - 1));
        }
      }
    }
  }

  void Accept() {
    for (int fd = ::accept4(listener_, nullptr, nullptr, 0); fd >= 0;
         fd = ::accept4(listener_, nullptr, nullptr, 0)) {
      clients_.push_back({fd, {}});
    }
  }

  // Reads what arrived and answers each complete request; false on close.
  bool Serve(Client& client) {
    char buffer[4096];
    ssize_t n = ::recv(client.fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n <= 0) return n < 0 && (errno == EAGAIN || errno == EINTR);
    client.pending.append(buffer, static_cast<size_t>(n));
    for (size_t end = client.pending.find("\r\n\r\n"); end != std::string::npos;
         end = client.pending.find("\r\n\r\n")) {
      client.pending.erase(0, end + 4);
      uint64_t number = requests_.fetch_add(1) + 1;
      if (number == stall_at_.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms_.load()));
      }
      std::string response = "HTTP/1.1 " + std::to_string(status_.load()) +
                             " Test\r\nContent-Length: 2\r\n\r\nok";
      if (::send(client.fd, response.data(), response.size(), MSG_NOSIGNAL) < 0) return false;
    }
    return true;
  }

  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> requests_{0};
  std::atomic<uint64_t> stall_at_{0};
  std::atomic<long> stall_ms_{0};
  std::atomic<int> status_{200};
  std::vector<Client> clients_;
  std::thread thread_;
};

// nginx serving a small static file from a private directory, in the
// foreground and single-process, logging every request it answers.
class Nginx {
 public:
  static constexpr const char* kBinary = "/usr/sbin/nginx";
  static bool Available() { return ::access(kBinary, X_OK) == 0; }

  explicit Nginx(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~Nginx() { Stop(); }

  // `keepalive_requests` small makes nginx close connections often.
  bool Start(bool tls, int keepalive_requests, std::string* error) {
    std::filesystem::create_directories(dir_ / "www");
    std::filesystem::create_directories(dir_ / "tmp");
    std::ofstream(dir_ / "www" / "index.html") << "<html>hello from nginx</html>\n";
    if (tls && !MakeCertificate(error)) return false;
    port_ = FreePort();
    std::string d = dir_.string();
    std::string listen = "127.0.0.1:" + std::to_string(port_) + (tls ? " ssl" : "");
    std::ofstream(dir_ / "nginx.conf")
        << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << d << "/nginx.pid;\n"
        << "error_log " << d << "/error.log;\nevents { worker_connections 4096; }\n"
        << "http {\n  access_log " << d << "/access.log;\n"
        << "  client_body_temp_path " << d << "/tmp/body;\n  proxy_temp_path " << d
        << "/tmp/proxy;\n  fastcgi_temp_path " << d << "/tmp/fastcgi;\n  uwsgi_temp_path " << d
        << "/tmp/uwsgi;\n  scgi_temp_path " << d << "/tmp/scgi;\n"
        << "  keepalive_requests " << keepalive_requests << ";\n"
        << "  server {\n    listen " << listen << ";\n    root " << d << "/www;\n"
        << (tls ? "    ssl_certificate " + d + "/cert.pem;\n    ssl_certificate_key " + d +
                      "/key.pem;\n"
                : "")
        << "  }\n}\n";
    pid_ = ::fork();
    if (pid_ == 0) {
      // Dies with the test even if the test crashes, and holds none of its
      // output pipes open.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::execl(kBinary, kBinary, "-p", d.c_str(), "-c", (d + "/nginx.conf").c_str(), "-e",
              (d + "/error.log").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    if (WaitForPort(port_, std::chrono::seconds(5))) return true;
    *error = "nginx did not start: " + ReadFile(dir_ / "error.log");
    return false;
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGQUIT);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (::waitpid(pid_, nullptr, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
  }

  uint16_t port() const { return port_; }
  std::filesystem::path cert() const { return dir_ / "cert.pem"; }
  std::string Url(bool tls = false) const {
    return std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) +
           "/index.html";
  }
  // Requests nginx logged, one line each; stop it first so all are written.
  size_t LoggedRequests() const {
    std::string log = ReadFile(dir_ / "access.log");
    size_t lines = 0;
    for (char ch : log) lines += ch == '\n' ? 1 : 0;
    return lines;
  }
  size_t LoggedWithStatus(int status) const {
    std::string log = ReadFile(dir_ / "access.log");
    std::string needle = "\" " + std::to_string(status) + " ";
    size_t count = 0;
    for (size_t at = log.find(needle); at != std::string::npos; at = log.find(needle, at + 1)) {
      ++count;
    }
    return count;
  }

 private:
  static std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // A fresh self-signed certificate for 127.0.0.1 and localhost, made at
  // test time so no key is ever committed.
  bool MakeCertificate(std::string* error) {
    std::string d = dir_.string();
    std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
        "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
        d + "/key.pem -out " + d + "/cert.pem >" + d + "/openssl.log 2>&1";
    if (std::system(command.c_str()) == 0) return true;
    *error = "openssl could not make a certificate: " + ReadFile(dir_ / "openssl.log");
    return false;
  }

  std::filesystem::path dir_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

}  // namespace dsaudit::loadtest::testing
