#include "audit/infra/terraform.h"

#include <gtest/gtest.h>

#include <string>

namespace dsaudit::audit {
namespace {

TEST(TerraformTest, BlocksLabelsAttributesAndNesting) {
  TerraformFile file = ParseTerraformText(R"(# comment
provider "aws" { region = "eu-west-1" }

resource "aws_security_group" "api" {
  name = "churn-api" // trailing comment
  tags = {
    team = "ml"
  }
  ingress {
    from_port   = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
  /* block
     comment */
  description = "sg for ${var.env} \"quoted\""
  policy = <<-EOT
    {"Version": "2012-10-17"}
  EOT
  enabled = true
}
)");
  ASSERT_EQ(file.error, "");
  ASSERT_EQ(file.blocks.size(), 2u);
  EXPECT_EQ(file.blocks[0].type, "provider");
  EXPECT_EQ(file.blocks[0].Attribute("region")->text, "eu-west-1");
  const TfBlock& group = file.blocks[1];
  EXPECT_EQ(group.Label(0), "aws_security_group");
  EXPECT_EQ(group.Label(1), "api");
  EXPECT_EQ(group.Attribute("name")->text, "churn-api");
  EXPECT_TRUE(group.Attribute("name")->literal);
  EXPECT_EQ(group.Attribute("tags")->raw, "{\n    team = \"ml\"\n  }");
  EXPECT_FALSE(group.Attribute("description")->literal);  // interpolated
  EXPECT_TRUE(group.Attribute("enabled")->literal);
  EXPECT_EQ(group.Attribute("enabled")->text, "true");
  ASSERT_EQ(group.Blocks("ingress").size(), 1u);
  const TfBlock& ingress = *group.Blocks("ingress")[0];
  EXPECT_EQ(ingress.Attribute("from_port")->text, "22");
  EXPECT_EQ(ingress.Attribute("cidr_blocks")->raw, "[\"0.0.0.0/0\"]");
  EXPECT_NE(group.Attribute("policy"), nullptr);
}

TEST(TerraformTest, ValueOffsetsPointAtTheValue) {
  std::string text = "resource \"aws_instance\" \"a\" {\n  instance_type = \"p3.2xlarge\"\n}\n";
  TerraformFile file = ParseTerraformText(text);
  const TfValue* type = file.blocks.at(0).Attribute("instance_type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(text.substr(type->begin, type->end - type->begin), "\"p3.2xlarge\"");
}

TEST(TerraformTest, BrokenInputKeepsWhatCameBeforeAndSaysWhere) {
  TerraformFile unclosed = ParseTerraformText("resource \"a\" \"b\" {\n  x = 1\n");
  EXPECT_EQ(unclosed.error, "line 3: block 'resource' is not closed");
  TerraformFile string = ParseTerraformText("a {}\nb = \"open\n");
  EXPECT_EQ(string.error, "line 2: unterminated string");
  EXPECT_EQ(string.blocks.size(), 1u);
  EXPECT_EQ(ParseTerraformText("}").error, "line 1: unexpected '}'");
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "a {";
  EXPECT_EQ(ParseTerraformText(deep).error.substr(0, 7), "line 1:");
}

}  // namespace
}  // namespace dsaudit::audit
