// SPDX-License-Identifier: Apache-2.0
#include "http/curl_transport.hpp"

#include <curl/curl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>

namespace plinth::http {
namespace {

struct Exchange {
  const Request* request = nullptr;
  CURL* curl = nullptr;
  Response response;
  bool aborted = false;
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  std::string_view line(data, size * n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  if (line.rfind("HTTP/", 0) == 0) {
    ex->response.headers.clear(); // a new response (after 100-continue or a redirect)
    return size * n;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') {
      value.remove_prefix(1);
    }
    ex->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * n;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const std::string_view chunk(data, size * n);
  long status = 0;
  curl_easy_getinfo(ex->curl, CURLINFO_RESPONSE_CODE, &status);
  // Error bodies ({"message": ...}) are kept for the caller, never streamed.
  if (ex->request->on_body && status >= 200 && status < 300) {
    if (!ex->request->on_body(chunk)) {
      ex->aborted = true;
      return 0;
    }
    return chunk.size();
  }
  ex->response.body.append(chunk);
  return chunk.size();
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

Error transfer_error(CURL* curl, CURLcode rc, const char* errbuf, const Request& req) {
  long os_errno = 0;
  curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
  std::string msg = errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc);
  if (os_errno != 0) {
    msg += " (" + std::string(std::strerror(static_cast<int>(os_errno))) + ")";
  }
  Errc code = Errc::io;
  switch (rc) {
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY: code = Errc::unavailable; break;
  case CURLE_OPERATION_TIMEDOUT: code = Errc::timeout; break;
  case CURLE_ABORTED_BY_CALLBACK:
  case CURLE_WRITE_ERROR: code = Errc::cancelled; break;
  default: break;
  }
  if (os_errno == EACCES || os_errno == EPERM) {
    code = Errc::unauthorized;
  }
  return Error(code, msg).with_context(req.method + " " + req.url);
}

} // namespace

CurlTransport::CurlTransport(CurlOptions options) : m_options(std::move(options)) {
  global_init();
}

namespace {

// Method and body: HEAD has none, a body_file is streamed from disk, otherwise `body`.
Result<void> set_body(CURL* c, const Request& req, std::unique_ptr<std::FILE, FileCloser>& upload) {
  if (req.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    return {};
  }
  if (!req.body_file.empty()) {
    upload.reset(std::fopen(req.body_file.c_str(), "rb"));
    if (!upload) {
      return fail(Errc::io, req.body_file.string() + ": cannot open: " + std::strerror(errno));
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(req.body_file, ec);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READDATA, upload.get());
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(ec ? 0 : size));
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    return {};
  }
  if (req.method != "GET" || !req.body.empty()) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req.method.c_str());
  }
  return {};
}

curl_slist* header_list(const Request& req) {
  curl_slist* list = nullptr;
  for (const auto& [k, v] : req.headers) {
    list = curl_slist_append(list, (k + ": " + v).c_str());
  }
  return curl_slist_append(list, "Expect:"); // no 100-continue round trip
}

} // namespace

Result<Response> CurlTransport::send(const Request& req) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    return fail(Errc::internal, "curl_easy_init failed");
  }
  CURL* c = curl.get();
  Exchange ex;
  ex.request = &req;
  ex.curl = c;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, m_options.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, m_options.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, req.timeout_s);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, req.follow_redirects ? 1L : 0L);
  if (!m_options.unix_socket.empty()) {
    curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, m_options.unix_socket.c_str());
  }
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &ex);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &ex);
  std::unique_ptr<curl_slist, SlistDeleter> headers(header_list(req));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  std::unique_ptr<std::FILE, FileCloser> upload;
  PLINTH_TRY(set_body(c, req, upload));

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    if (ex.aborted) {
      return fail(Error(Errc::cancelled, "transfer stopped by the caller")
                      .with_context(req.method + " " + req.url));
    }
    return fail(transfer_error(c, rc, errbuf, req));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &ex.response.status);
  return std::move(ex.response);
}

} // namespace plinth::http
