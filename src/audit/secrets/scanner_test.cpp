#include "audit/secrets/scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit/secrets/entropy.h"
#include "audit/secrets/redact.h"

namespace dsaudit::audit::secrets {
namespace {

// Deterministic filler from `alphabet`: keys are assembled at run time, so no
// literal in this file has the shape of a real key.
std::string Filler(std::string_view alphabet, size_t length, uint32_t seed = 1) {
  std::string out;
  for (size_t i = 0; i < length; ++i) {
    seed = seed * 1103515245u + 12345u;
    out.push_back(alphabet[(seed >> 16) % alphabet.size()]);
  }
  return out;
}
constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::vector<std::string_view> Rules(std::string_view text, ScanOptions options = {}) {
  std::vector<std::string_view> out;
  for (const SecretHit& hit : ScanText(text, options)) out.push_back(hit.rule);
  return out;
}

TEST(EntropyTest, RandomScoresHigherThanWords) {
  EXPECT_DOUBLE_EQ(ShannonEntropy(""), 0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("aaaa"), 0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abcd"), 2);
  EXPECT_GT(ShannonEntropy(Filler(kAlnum, 40)), 4.5);
  EXPECT_LT(ShannonEntropy("password"), 3);
  EXPECT_EQ(CharacterClasses("abc"), 1);
  EXPECT_EQ(CharacterClasses("aB3!"), 4);
}

TEST(RedactTest, KeepsAtMostFourCharactersAndAQuarter) {
  EXPECT_EQ(Redact("AKIAZQ3FAKE7KEY2TEST"), "AKIA****************");
  EXPECT_EQ(Redact("admin"), "a****");
  EXPECT_EQ(Redact("abc"), "***");
  EXPECT_EQ(Redact(""), "");
  EXPECT_EQ(Redact(std::string(100, 'x')), "xxxx" + std::string(32, '*'));
  EXPECT_EQ(Redact("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"), "\xc3\xa9***");  // whole characters
}

TEST(ScannerTest, FindsEachProviderFormat) {
  const std::string aws = "AKIA" + Filler("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const std::string github = "gh" + std::string("p_") + Filler(kAlnum, 36);
  const std::string gitlab = "glp" + std::string("at-") + Filler(kAlnum, 20);
  const std::string slack = "xo" + std::string("xb-") + Filler("0123456789", 12) + "-" +
                            Filler("0123456789", 13, 2) + "-" + Filler(kAlnum, 24, 3);
  const std::string stripe = "sk_" + std::string("live_") + Filler(kAlnum, 24);
  const std::string openai = "sk-" + Filler(kAlnum, 20) + "T3Blbk" + "FJ" + Filler(kAlnum, 20, 5);
  const std::string huggingface = "hf" + std::string("_") + Filler("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 34);
  const std::string google = "AI" + std::string("za") + Filler(kAlnum, 35);
  EXPECT_EQ(Rules("key = " + aws + "\n"), std::vector<std::string_view>{"aws-access-key-id"});
  EXPECT_EQ(Rules("t: " + github), std::vector<std::string_view>{"github-token"});
  EXPECT_EQ(Rules("t: " + gitlab), std::vector<std::string_view>{"gitlab-token"});
  EXPECT_EQ(Rules("t: " + slack), std::vector<std::string_view>{"slack-token"});
  EXPECT_EQ(Rules("t: " + stripe), std::vector<std::string_view>{"stripe-secret-key"});
  EXPECT_EQ(Rules("t: " + openai), std::vector<std::string_view>{"openai-api-key"});
  EXPECT_EQ(Rules("t: " + huggingface), std::vector<std::string_view>{"huggingface-token"});
  EXPECT_EQ(Rules("t: " + google), std::vector<std::string_view>{"gcp-api-key"});
  // A provider key under a secret-like name is one finding, not two.
  EXPECT_EQ(Rules("GITHUB_TOKEN=" + github), std::vector<std::string_view>{"github-token"});
}

TEST(ScannerTest, RejectsNearMissesOfProviderFormats) {
  EXPECT_TRUE(Rules("AKIA" + std::string("IOSFODNN7EXAMPLE")).empty());  // AWS's documentation key
  EXPECT_TRUE(Rules("gh" + std::string("p_") + std::string(36, '0')).empty());  // no entropy
  EXPECT_TRUE(Rules("gh" + std::string("p_") + Filler(kAlnum, 20)).empty());   // too short
  EXPECT_TRUE(Rules("sk_" + std::string("test_") + Filler(kAlnum, 24)).empty());  // test mode
  EXPECT_TRUE(Rules("from hub import hf_hub_download").empty());
  EXPECT_TRUE(Rules("prefix_hf_" + Filler("abcdefghijklmnopqrstuvwxyz", 34)).empty());
}

TEST(ScannerTest, JwtNeedsAHeaderThatDecodes) {
  // {"alg":"HS256","typ":"JWT"} and {"sub":"1"}, base64url.
  const std::string header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
  const std::string payload = "eyJzdWIiOiIxIn0x";
  EXPECT_EQ(Rules(header + "." + payload + "." + Filler(kAlnum, 43)),
            std::vector<std::string_view>{"jwt"});
  // {"foo":"bar"}: JSON, but no JWT header.
  EXPECT_TRUE(Rules("eyJmb28iOiJiYXIifQ." + payload + "." + Filler(kAlnum, 43)).empty());
}

TEST(ScannerTest, PrivateKeyNeedsABody) {
  std::string body;
  for (int i = 0; i < 4; ++i) body += Filler(kAlnum, 64, i + 1) + "\n";
  const std::string begin = "-----BEGIN EC PRIV" + std::string("ATE KEY-----\n");
  const std::string end = "-----END EC PRIVATE KEY-----\n";
  std::vector<SecretHit> hits = ScanText("x\n" + begin + body + end, {});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].description, "EC private key");
  EXPECT_EQ(hits[0].begin, 2u);
  EXPECT_TRUE(Rules(begin + "...\n" + end).empty());
  EXPECT_TRUE(Rules(begin + body).empty());  // no end marker: cut off, not a key
}

TEST(ScannerTest, GenericAssignmentsNeedASecretNameAndEntropy) {
  const std::string random = Filler(kAlnum, 32);
  EXPECT_EQ(Rules("api_key: " + random), std::vector<std::string_view>{"generic-secret"});
  EXPECT_EQ(Rules("\"clientSecret\": \"" + random + "\""),
            std::vector<std::string_view>{"generic-secret"});
  EXPECT_EQ(Rules("DB_PASSWORD=Xk9v2Lq7Rt"), std::vector<std::string_view>{"generic-password"});
  EXPECT_TRUE(Rules("api_key: abcdefabcdefabcdef").empty());     // entropy too low
  EXPECT_TRUE(Rules("token_url: " + random).empty());            // names a URL
  EXPECT_TRUE(Rules("tokenizer = " + random).empty());
  EXPECT_TRUE(Rules("pad_token = " + random).empty());
  EXPECT_TRUE(Rules("password_file: /run/secrets/db").empty());
  EXPECT_TRUE(Rules("password: ${DB_PASSWORD}").empty());
  EXPECT_TRUE(Rules("password: \"<your password>\"").empty());
  EXPECT_TRUE(Rules("if password == \"Xk9v2Lq7Rt\":").empty());
  EXPECT_TRUE(Rules("password: DB_PASSWORD_FROM_VAULT").empty());
  // Code: an unquoted value is an expression.
  ScanOptions code;
  code.unquoted_values = false;
  EXPECT_TRUE(Rules("const password = process.env.PASSWORD_VALUE", code).empty());
  EXPECT_EQ(Rules("const password = \"Xk9v2Lq7Rt\"", code),
            std::vector<std::string_view>{"generic-password"});
}

TEST(ScannerTest, WeakPasswordsAreReportedWhateverTheirEntropy) {
  std::vector<SecretHit> hits = ScanText("password: admin\nPOSTGRES_PASSWORD=postgres\n", {});
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_TRUE(hits[0].weak);
  EXPECT_TRUE(hits[1].weak);
  EXPECT_EQ(hits[0].description, "weak, commonly used password 'a****' assigned to password");
  ScanOptions no_weak;
  no_weak.weak_passwords = false;
  EXPECT_TRUE(ScanText("password: admin\n", no_weak).empty());
  ScanOptions strong_only;
  strong_only.only_strong = true;
  EXPECT_TRUE(ScanText("password: admin\n", strong_only).empty());
}

TEST(ScannerTest, DatabaseUrls) {
  std::vector<SecretHit> hits = ScanText("url = \"postgresql://app:Xk9v2Lq7Rt@db.internal/prod\"", {});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_FALSE(hits[0].weak);
  EXPECT_EQ(hits[0].description,
            "PostgreSQL URL postgresql://app:Xk********@db.internal with a hard-coded password");
  hits = ScanText("amqp://guest:guest@rabbit:5672/", {});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(hits[0].weak);
  EXPECT_EQ(hits[0].description.find("guest"), std::string::npos) << hits[0].description;
  EXPECT_TRUE(Rules("postgresql://app:${DB_PASSWORD}@db/prod").empty());
  EXPECT_TRUE(Rules("postgresql://{user}:{password}@{host}/db").empty());
  EXPECT_TRUE(Rules("postgresql://localhost:5432/db").empty());
  EXPECT_TRUE(Rules("mysql://user:password@example.com/db").empty());
}

TEST(ScannerTest, OptionsFollowTheFileKind) {
  EXPECT_FALSE(OptionsFor("app/.env.example", FileRole::kOther).weak_passwords);
  EXPECT_FALSE(OptionsFor("tests/fixtures/db.yaml", FileRole::kOther).weak_passwords);
  EXPECT_TRUE(OptionsFor("deploy/db.yaml", FileRole::kOther).weak_passwords);
  EXPECT_FALSE(OptionsFor("web/app.js", FileRole::kOther).unquoted_values);
  EXPECT_TRUE(OptionsFor("config/app.ini", FileRole::kOther).unquoted_values);
  EXPECT_FALSE(OptionsFor("Dockerfile", FileRole::kDockerfile).generic_assignments);
  EXPECT_FALSE(OptionsFor("web/package-lock.json", FileRole::kOther).generic_assignments);
  // Python: S105-S107 own `password = ...`; `API_KEY = ...` is ours.
  ScanOptions python = OptionsFor("app/settings.py", FileRole::kPython);
  const std::string random = Filler(kAlnum, 32);
  EXPECT_TRUE(Rules("DB_PASSWORD = \"" + random + "\"", python).empty());
  EXPECT_EQ(Rules("API_KEY = \"" + random + "\"", python),
            std::vector<std::string_view>{"generic-secret"});
  EXPECT_EQ(Rules("config = {\"api_key\": \"" + random + "\"}", python),
            std::vector<std::string_view>{"generic-secret"});
  // Annotations, in code and in type-stub (.pyi) files.
  EXPECT_TRUE(Rules("def sign(private_key: \"_EllipticCurvePrivateKey\"): ...", python).empty());
  EXPECT_TRUE(
      Rules("private_key: typing.Optional[PrivateKeyTypes]", OptionsFor("a.pyi", FileRole::kOther))
          .empty());
}

TEST(ScannerTest, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string("PK\0\3", 4)));
  EXPECT_FALSE(LooksBinary("plain text"));
}

}  // namespace
}  // namespace dsaudit::audit::secrets
