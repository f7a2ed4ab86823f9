// DS861-DS895: Kubernetes, compose and Terraform checks on fixture projects.
#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

class InfraChecksTest : public AuditFixture {
 protected:
  // The findings of `code` as "path:line:col message".
  std::vector<std::string> Lines(const std::string& code) {
    std::vector<std::string> out;
    for (const Finding& finding : Run(code)) {
      out.push_back(finding.path + ":" + std::to_string(finding.line) + ":" + std::to_string(finding.column) +
                    " " + finding.message);
    }
    return out;
  }
};

using Expected = std::vector<std::string>;

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: api:1.0
          env:
            - name: DB_PASSWORD
              value: hunter2-Secret
            - name: API_TOKEN
              valueFrom: {secretKeyRef: {name: t, key: t}}
            - name: LOG_LEVEL
              value: info
      volumes:
        - name: models
          hostPath: {path: /data/models}
)";

constexpr const char* kHealthyDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: api:1.0
          resources:
            requests: {cpu: 500m, memory: 1Gi}
            limits: {memory: 2Gi}
          readinessProbe: {httpGet: {path: /ready, port: 80}}
          livenessProbe: {httpGet: {path: /health, port: 80}}
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
)";

TEST_F(InfraChecksTest, KubernetesWorkloadChecks) {
  Write("k8s/deploy.yaml", kDeployment);
  EXPECT_EQ(Lines("DS861"), (Expected{"k8s/deploy.yaml:10:17 container 'web' of Deployment 'api' sets no "
                                      "requests.cpu, requests.memory, limits.memory"}));
  EXPECT_EQ(Lines("DS863"), (Expected{"k8s/deploy.yaml:2:7 the Kubernetes manifests define no ResourceQuota or LimitRange"}));
  EXPECT_EQ(Lines("DS871"), (Expected{"k8s/deploy.yaml:6:13 Deployment 'api' runs a single replica and has no autoscaler"}));
  EXPECT_EQ(Lines("DS872"), (Expected{"k8s/deploy.yaml:10:17 container 'web' of Deployment 'api' has no readinessProbe"}));
  EXPECT_EQ(Lines("DS874"), (Expected{"k8s/deploy.yaml:10:17 container 'web' of Deployment 'api' has no livenessProbe"}));
  EXPECT_EQ(Lines("DS873"), (Expected{"k8s/deploy.yaml:20:17 Deployment 'api' keeps volume 'models' on the node's disk (hostPath /data/models)"}));
  std::vector<Finding> secrets = Run("DS882");
  ASSERT_EQ(secrets.size(), 1u);
  EXPECT_EQ(secrets[0].line, 14u);
  EXPECT_EQ(secrets[0].column, 22u);
  EXPECT_EQ(secrets[0].end_column, 36u);
  EXPECT_EQ(secrets[0].message, "the manifest sets secret 'DB_PASSWORD' to a plain-text value in k8s/deploy.yaml");

  Write("k8s/deploy.yaml", kHealthyDeployment);
  for (const char* code : {"DS861", "DS863", "DS871", "DS872", "DS873", "DS874", "DS882"}) {
    EXPECT_TRUE(Run(code).empty()) << code;
  }
}

TEST_F(InfraChecksTest, AnAutoscalerCountsAsReplicas) {
  Write("k8s/deploy.yaml", std::string(kDeployment) +
                               "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                               "  name: api\nspec:\n  scaleTargetRef: {kind: Deployment, name: api}\n");
  EXPECT_TRUE(Run("DS871").empty());
}

TEST_F(InfraChecksTest, BrokenYamlIsSkippedNotFatal) {
  Write("k8s/deploy.yaml", "apiVersion: v1\nkind: Deployment\nspec: [unclosed\n");
  EXPECT_TRUE(Run("DS861").empty());
}

TEST_F(InfraChecksTest, ComposeChecks) {
  Write("docker-compose.yml", R"(services:
  api:
    build: .
    ports: ["8000:8000"]
    environment:
      - DB_PASSWORD=hunter2-Secret
      - DB_HOST=db
      - API_TOKEN=${API_TOKEN}
  db:
    image: postgres:16
    ports:
      - "5432:5432"
      - "127.0.0.1:5433:5432"
    environment:
      POSTGRES_PASSWORD: postgres
  cache:
    image: redis:7
    ports: ["6379:6379"]
    deploy:
      resources:
        limits: {memory: 256M}
)");
  EXPECT_EQ(Lines("DS862"), (Expected{"docker-compose.yml:2:3 service 'api' has no CPU or memory limits",
                                      "docker-compose.yml:9:3 service 'db' has no CPU or memory limits"}));
  EXPECT_EQ(Lines("DS881"),
            (Expected{"docker-compose.yml:12:9 service 'db' publishes postgres port 5432 on every interface of the host",
                      "docker-compose.yml:18:13 service 'cache' publishes redis port 6379 on every interface of the host"}));
  EXPECT_EQ(Lines("DS882"),
            (Expected{"docker-compose.yml:6:9 the compose file sets secret 'DB_PASSWORD' to a plain-text value in docker-compose.yml",
                      "docker-compose.yml:15:26 the compose file sets secret 'POSTGRES_PASSWORD' to a plain-text value in docker-compose.yml"}));
  for (const Finding& finding : Run("DS882")) EXPECT_EQ(finding.message.find("hunter2"), std::string::npos);
}

TEST_F(InfraChecksTest, TerraformChecks) {
  Write("infra/main.tf", R"(resource "aws_s3_bucket" "models" {
  acl = "public-read"
}

resource "aws_instance" "train" {
  instance_type = "p3.2xlarge"
}

resource "aws_instance" "web" {
  instance_type = "t3.medium"
}

resource "aws_db_instance" "crm" {
  publicly_accessible = true
  backup_retention_period = 1
}

resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.crm.id
}

resource "aws_security_group" "api" {
  ingress {
    from_port   = 0
    to_port     = 65535
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "google_bigquery_dataset" "features" {
  dataset_id = "features"
}
)");
  EXPECT_EQ(Lines("DS883"), (Expected{"infra/main.tf:2:9 bucket 'aws_s3_bucket.models' is public: acl = \"public-read\""}));
  EXPECT_EQ(Lines("DS864"),
            (Expected{"infra/main.tf:6:19 GPU instance 'aws_instance.train' (p3.2xlarge) runs around the clock: "
                      "1 x V100, 8 vCPU, about $26806 a year on demand (aws us-east-1 list price, 2025-06)"}));
  EXPECT_EQ(Lines("DS884"), (Expected{"infra/main.tf:14:25 database 'aws_db_instance.crm' has a public address (publicly_accessible = true)"}));
  EXPECT_EQ(Lines("DS886"), (Expected{"infra/main.tf:15:29 database 'aws_db_instance.crm' keeps backups 1 day, under 7"}));
  EXPECT_EQ(Lines("DS885"), (Expected{"infra/main.tf:23:3 'aws_security_group.api' opens port 22 to the whole internet"}));
  EXPECT_EQ(Lines("DS865"), (Expected{"infra/main.tf:1:1 Terraform provisions aws, google resources but declares no budget or billing alert"}));
  EXPECT_EQ(Lines("DS895"), (Expected{"infra/main.tf:35:1 'google_bigquery_dataset.features' ties the project to BigQuery; "
                                      "open alternative: ClickHouse, or Parquet files queried with Trino or DuckDB"}));
  Write("infra/budget.tf", "resource \"aws_budgets_budget\" \"m\" {\n  limit_amount = \"100\"\n}\n");
  EXPECT_TRUE(Run("DS865").empty());
}

TEST_F(InfraChecksTest, CloudSqlOpenToAnyAddressWithoutBackups) {
  Write("sql.tf", R"(resource "google_sql_database_instance" "main" {
  settings {
    ip_configuration {
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }
    backup_configuration {
      enabled = false
    }
  }
}
)");
  EXPECT_EQ(Lines("DS884"), (Expected{"sql.tf:5:17 database 'google_sql_database_instance.main' accepts connections from any address"}));
  EXPECT_EQ(Lines("DS886"), (Expected{"sql.tf:9:17 database 'google_sql_database_instance.main' has automated backups turned off"}));
}

TEST_F(InfraChecksTest, ServiceLoadAndMonitoringChecks) {
  Write("serve.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.post('/predict')\ndef predict():\n    return {}\n");
  EXPECT_EQ(Lines("DS891"), (Expected{"serve.py:1:6 the project serves requests (flask in serve.py) but has no load test"}));
  EXPECT_EQ(Lines("DS876").size(), 1u);
  EXPECT_EQ(Lines("DS877").size(), 1u);
  EXPECT_EQ(Lines("DS878"), (Expected{"serve.py:1:6 the service (flask in serve.py) defines no health endpoint"}));
  EXPECT_EQ(Lines("DS879").size(), 1u);

  Write("loadtest/script.js", "import http from 'k6/http';\nexport default function () { http.get('http://x/'); }\n");
  Write("ops.py", "import sentry_sdk\nimport structlog\nfrom prometheus_client import Counter\n");
  Write("serve.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.get(\"/health\")\ndef health():\n    return {}\n");
  for (const char* code : {"DS876", "DS877", "DS878", "DS879", "DS891"}) EXPECT_TRUE(Run(code).empty()) << code;
}

TEST_F(InfraChecksTest, NothingServedNothingReported) {
  Write("train.py", "import pandas as pd\n");
  for (const char* code : {"DS876", "DS877", "DS878", "DS879", "DS891"}) EXPECT_TRUE(Run(code).empty()) << code;
}

TEST_F(InfraChecksTest, HelmChartValuesAsHelmCreateWritesThem) {
  Write("deploy/churn/Chart.yaml", "apiVersion: v2\nname: churn\nversion: 0.1.0\n");
  Write("deploy/churn/templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicaCount }}\n");
  Write("deploy/churn/values.yaml",
        "replicaCount: 1\nimage:\n  repository: churn-api\n  tag: \"1.4\"\nresources: {}\n"
        "autoscaling:\n  enabled: false\n  maxReplicas: 10\n");
  std::vector<Finding> replicas = Run("DS871");
  ASSERT_EQ(replicas.size(), 1u);
  EXPECT_EQ(replicas[0].path, "deploy/churn/values.yaml");
  EXPECT_EQ(replicas[0].line, 1u);
  EXPECT_EQ(replicas[0].column, 15u);
  EXPECT_EQ(replicas[0].message,
            "Helm chart 'deploy/churn' runs a single replica (replicaCount: 1) and does not enable "
            "autoscaling");
  std::vector<Finding> resources = Run("DS861");
  ASSERT_EQ(resources.size(), 1u);
  EXPECT_EQ(resources[0].path, "deploy/churn/values.yaml");
  EXPECT_EQ(resources[0].line, 5u);
  EXPECT_EQ(resources[0].message,
            "Helm chart 'deploy/churn' sets no requests.cpu, requests.memory, limits.memory in its "
            "values' resources");

  // A production values file that scales out and sizes the pods settles both.
  Write("deploy/churn/values-prod.yaml",
        "autoscaling:\n  enabled: true\nresources:\n  requests: {cpu: 500m, memory: 1Gi}\n"
        "  limits: {memory: 2Gi}\n");
  EXPECT_TRUE(Run("DS871").empty());
  EXPECT_TRUE(Run("DS861").empty());
}

TEST_F(InfraChecksTest, ValuesYamlWithoutAChartIsNotHelm) {
  Write("config/values.yaml", "replicaCount: 1\nresources: {}\n");
  EXPECT_TRUE(Run("DS871").empty());
  EXPECT_TRUE(Run("DS861").empty());
}

TEST_F(InfraChecksTest, AlertingFromRulesAlertmanagerOrCloudAlarms) {
  Write("serve.py", "from flask import Flask\napp = Flask(__name__)\n");
  EXPECT_EQ(Lines("DS875"),
            (Expected{"serve.py:1:6 the service (flask in serve.py) has no alerting: no Prometheus "
                      "alert rules, Alertmanager or Zabbix triggers, no alarm resources in "
                      "Terraform"}));
  // Recording rules alone alert on nothing.
  Write("monitoring/recording.yml", "groups:\n  - name: api\n    rules:\n      - record: job:rate5m\n"
                                    "        expr: rate(x[5m])\n");
  EXPECT_EQ(Run("DS875").size(), 1u);
  Write("monitoring/api-rules.yml", "groups:\n  - name: api\n    rules:\n      - alert: Down\n"
                                    "        expr: up == 0\n");
  EXPECT_TRUE(Run("DS875").empty());
  std::filesystem::remove(root_ / "monitoring/api-rules.yml");
  Write("ops/alarms.tf", "resource \"aws_cloudwatch_metric_alarm\" \"errors\" {\n  threshold = 5\n}\n");
  EXPECT_TRUE(Run("DS875").empty());
  std::filesystem::remove(root_ / "ops/alarms.tf");
  Write("k8s/rules.yaml", "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n"
                          "  name: api\nspec:\n  groups: []\n");
  EXPECT_TRUE(Run("DS875").empty());
}

TEST_F(InfraChecksTest, StaticAssetsServedWithoutCache) {
  Write("web/app.py", "from flask import Flask\napp = Flask(__name__)\n");
  EXPECT_TRUE(Run("DS892").empty());  // serves no static files
  Write("web/static/style.css", "body { color: black; }\n");
  EXPECT_EQ(Lines("DS892"),
            (Expected{"web/app.py:1:6 the service (flask in web/app.py) serves static files "
                      "itself (web/app.py) with no CDN, caching proxy or cache headers in front "
                      "of them"}));
  Write("docker-compose.yml", "services:\n  proxy:\n    image: nginx:1.25\n  api:\n    build: .\n");
  EXPECT_TRUE(Run("DS892").empty());
  std::filesystem::remove(root_ / "docker-compose.yml");
  Write("web/app.py", "from flask import Flask\napp = Flask(__name__)\n"
                      "app.config[\"SEND_FILE_MAX_AGE_DEFAULT\"] = 31536000\n");
  EXPECT_TRUE(Run("DS892").empty());
}

TEST_F(InfraChecksTest, BlasBackendAndThreadsForContainers) {
  Write("train.py", "import numpy as np\nfrom sklearn.linear_model import Ridge\n");
  EXPECT_TRUE(Run("DS821").empty());  // not shipped in a container
  Write("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir numpy scikit-learn\n"
                      "# publish the model\n");
  EXPECT_EQ(Lines("DS821"),
            (Expected{"Dockerfile:0:0 numpy/scipy run on the BLAS their wheels bundle, with one "
                      "thread per core of the host: choose the backend (MKL, OpenBLAS) and set "
                      "OMP_NUM_THREADS to the container's CPU limit"}));
  Write("Dockerfile", "FROM python:3.11-slim\nENV OMP_NUM_THREADS=2\n");
  EXPECT_TRUE(Run("DS821").empty());
  Write("Dockerfile", "FROM python:3.11-slim\nRUN apt-get install -y libopenblas-dev\n");
  EXPECT_TRUE(Run("DS821").empty());
  Write("Dockerfile", "FROM python:3.11-slim\n");
  Write("environment.yml", "dependencies:\n  - numpy\n  - blas=*=mkl\n");
  EXPECT_TRUE(Run("DS821").empty());
}

}  // namespace
}  // namespace dsaudit::audit
