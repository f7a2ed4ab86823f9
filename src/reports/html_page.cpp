#include "reports/html_page.h"

#include "reports/json_writer.h"

namespace dsaudit::reports {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return ReplaceInvalidUtf8(out);
}

std::string HtmlPageStart(std::string_view title, std::string_view css) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n<title>";
  out += HtmlEscape(title);
  out += "</title>\n<style>\n";
  out += css;
  out += "\n</style>\n</head>\n<body>\n";
  return out;
}

std::string HtmlPageEnd() { return "</body>\n</html>\n"; }

}  // namespace dsaudit::reports
