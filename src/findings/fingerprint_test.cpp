#include "findings/fingerprint.h"

#include <gtest/gtest.h>

namespace dsaudit {
namespace {

TEST(FingerprintTest, IsSixteenLowercaseHexDigits) {
  const std::string fingerprint = ComputeFingerprint("F401", "a.py", "import os", 0);
  ASSERT_EQ(fingerprint.size(), 16u);
  for (char c : fingerprint) {
    EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << fingerprint;
  }
}

TEST(FingerprintTest, IsAStableFunctionOfItsInputs) {
  // Pinned so an accidental change of the hash (which would orphan every
  // stored baseline) fails here.
  EXPECT_EQ(ComputeFingerprint("", "", "", 0), "4d25467f9dcdc265");
  EXPECT_EQ(ComputeFingerprint("F401", "a.py", "import os", 0),
            ComputeFingerprint("F401", "a.py", "import os", 0));
}

TEST(FingerprintTest, IgnoresIndentationAndSpacingButNotTokens) {
  const std::string base = ComputeFingerprint("F401", "a.py", "import os, sys", 0);
  EXPECT_EQ(ComputeFingerprint("F401", "a.py", "    import  os,\tsys  \n", 0), base);
  EXPECT_NE(ComputeFingerprint("F401", "a.py", "import os,sys", 0), base);
  EXPECT_NE(ComputeFingerprint("F401", "a.py", "import os, re", 0), base);
}

TEST(FingerprintTest, DiffersAcrossCodesPathsAndOccurrences) {
  const std::string base = ComputeFingerprint("F401", "a.py", "import os", 0);
  EXPECT_NE(ComputeFingerprint("F811", "a.py", "import os", 0), base);
  EXPECT_NE(ComputeFingerprint("F401", "b.py", "import os", 0), base);
  EXPECT_NE(ComputeFingerprint("F401", "a.py", "import os", 1), base);
}

TEST(FingerprintTest, FieldBoundariesMatter) {
  EXPECT_NE(ComputeFingerprint("F4", "01a.py", "x", 0), ComputeFingerprint("F401", "a.py", "x", 0));
}

}  // namespace
}  // namespace dsaudit
