// DS841-DS848: hadolint-style Dockerfile checks with exact positions.
#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

class DockerChecksTest : public AuditFixture {
 protected:
  // The findings of `code` on a Dockerfile with `text`, as "line:col message".
  std::vector<std::string> On(const std::string& text, const std::string& code) {
    Write("Dockerfile", text);
    std::vector<std::string> out;
    for (const Finding& finding : Run(code)) {
      out.push_back(std::to_string(finding.line) + ":" + std::to_string(finding.column) + " " +
                    finding.message);
    }
    return out;
  }
};

using Lines = std::vector<std::string>;

TEST_F(DockerChecksTest, BaseImageUnpinned) {
  EXPECT_EQ(On("FROM python\nFROM python:latest AS b\nFROM b\nFROM python:3.11-slim\n"
               "FROM registry:5000/img\nFROM scratch\nFROM img@sha256:abc\n", "DS841"),
            (Lines{"1:1 base image 'python' has no tag", "2:1 base image 'python:latest' uses the latest tag",
                   "5:1 base image 'registry:5000/img' has no tag"}));
}

TEST_F(DockerChecksTest, AddInsteadOfCopy) {
  EXPECT_EQ(On("FROM a:1\nADD . /app\nADD https://x/y.tgz /tmp\nADD data.tar.gz /d\n", "DS842"),
            (Lines{"2:1 use COPY instead of ADD for local files"}));
}

TEST_F(DockerChecksTest, PipWithoutNoCacheDir) {
  EXPECT_EQ(On("FROM a:1\nRUN pip install -r r.txt\nRUN pip install --no-cache-dir x\n", "DS843"),
            (Lines{"2:1 pip install without --no-cache-dir keeps the download cache in the image"}));
  EXPECT_TRUE(On("FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x\n", "DS843").empty());
}

TEST_F(DockerChecksTest, AptListsNotCleaned) {
  EXPECT_EQ(On("FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl\n"
               "RUN apt-get install -y vim && rm -rf /var/lib/apt/lists/*\n", "DS844"),
            (Lines{"2:1 apt lists are not removed after apt-get install"}));
}

TEST_F(DockerChecksTest, ShellFormCmd) {
  EXPECT_EQ(On("FROM a:1\nCMD python serve.py\nENTRYPOINT [\"python\"]\n", "DS845"),
            (Lines{"2:1 CMD in shell form: use the JSON exec form"}));
}

TEST_F(DockerChecksTest, RunsAsRootInFinalStage) {
  EXPECT_EQ(On("FROM a:1\nUSER app\nFROM b:1\nCMD [\"x\"]\n", "DS846"),
            (Lines{"3:1 the container runs as root"}));
  EXPECT_EQ(On("FROM a:1\nUSER root\n", "DS846"), (Lines{"2:1 the container runs as root"}));
  EXPECT_TRUE(On("FROM a:1\nUSER 1000:1000\n", "DS846").empty());
}

TEST_F(DockerChecksTest, NoHealthcheck) {
  EXPECT_EQ(On("FROM a:1\nEXPOSE 80\n", "DS847"),
            (Lines{"2:1 the image serves a port but has no HEALTHCHECK"}));
  EXPECT_TRUE(On("FROM a:1\nEXPOSE 80\nHEALTHCHECK CMD true\n", "DS847").empty());
  EXPECT_TRUE(On("FROM a:1\n", "DS847").empty());
}

TEST_F(DockerChecksTest, SecretInEnvIsRedacted) {
  std::vector<std::string> found =
      On("FROM a:1\nENV DB_PASSWORD=hunter2secret\nARG API_TOKEN\nENV HOME=/app\n"
         "ENV AWS_SECRET_ACCESS_KEY ${KEY}\n", "DS848");
  EXPECT_EQ(found, (Lines{"2:1 secret in ENV DB_PASSWORD=******** is stored in the image"}));
  EXPECT_EQ(found[0].find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::audit
