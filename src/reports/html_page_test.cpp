#include "reports/html_page.h"

#include <gtest/gtest.h>

namespace dsaudit::reports {
namespace {

TEST(HtmlPageTest, EscapesMarkupQuotesAndInvalidUtf8) {
  EXPECT_EQ(HtmlEscape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  EXPECT_EQ(HtmlEscape("caf\xc3\xa9 \xff"), "caf\xc3\xa9 \xef\xbf\xbd");
}

TEST(HtmlPageTest, PageForbidsScriptsAndRequestsAndEscapesTheTitle) {
  std::string page = HtmlPageStart("a <b> report", "body{margin:0}") + HtmlPageEnd();
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""), std::string::npos);
  EXPECT_NE(page.find("<title>a &lt;b&gt; report</title>"), std::string::npos);
  EXPECT_NE(page.find("<style>\nbody{margin:0}\n</style>"), std::string::npos);
  EXPECT_TRUE(page.ends_with("<body>\n</body>\n</html>\n"));
}

}  // namespace
}  // namespace dsaudit::reports
