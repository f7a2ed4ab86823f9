// The frame every HTML report shares: escaping and a self-contained page.
// Reports put text from the audited project and from access logs into the
// page, and both are attacker-controlled, so all text goes through
// HtmlEscape and the page forbids scripts and network access outright.
#pragma once

#include <string>
#include <string_view>

namespace dsaudit::reports {

// Escapes & < > " ' (safe in text and in quoted attributes) and replaces
// invalid UTF-8 with U+FFFD, so a browser never guesses another encoding.
std::string HtmlEscape(std::string_view text);

// "<!DOCTYPE html>" up to and including "<body>": UTF-8, the escaped title,
// `css` inline, and a Content-Security-Policy that allows inline styles and
// nothing else: no script, no font, no image or request from anywhere.
std::string HtmlPageStart(std::string_view title, std::string_view css);
std::string HtmlPageEnd();

}  // namespace dsaudit::reports
