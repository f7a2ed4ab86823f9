provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-churn-models"
  acl    = "public-read"
}

resource "aws_security_group" "api" {
  name = "churn-api"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 5000
    to_port     = 5000
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "api" {
  ami                    = "ami-0c55b159cbfafe1f0"
  instance_type          = "p3.2xlarge"
  vpc_security_group_ids = [aws_security_group.api.id]
}

resource "aws_db_instance" "crm" {
  engine              = "postgres"
  instance_class      = "db.m5.large"
  username            = "analytics"
  password            = "s3cr3t-Pa55w0rd!"
  publicly_accessible = true
  storage_encrypted   = false
}
