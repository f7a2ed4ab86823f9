// DS895: Reports managed services that tie the project to one cloud vendor, naming the open alternative.
#include <fmt/format.h>

#include <set>
#include <string_view>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS895",
    .name = "managed-service-lock-in",
    .area = Area::kPortability,
    .severity = Severity::kInfo,
    .effort_minutes = 480,
    .what = "Reports vendor-specific managed services provisioned in Terraform (SageMaker, Vertex AI, Azure ML, BigQuery, Redshift, Athena, Glue, EMR, DynamoDB, Cosmos DB, Kinesis, Pub/Sub, Dataflow, Snowflake) or used from code (`sagemaker`, `redshift_connector`, `snowflake`), one finding per service, naming an open alternative.",
    .why = "Each managed service is a dependency on one vendor's API and pricing: moving to another cloud, on premises, or just negotiating the bill means rewriting that part. Deciding it knowingly, with the open alternative in mind, is the point.",
    .example = "```hcl\nresource \"google_bigquery_dataset\" \"features\" { ... }\n```",
    .instead = "Keep the managed service where it pays for itself, behind an interface of your own; or run the open alternative (here ClickHouse, or Parquet files queried with Trino or DuckDB).",
};

struct Service {
  std::string_view key;  // Terraform resource type prefix, or the module code imports
  std::string_view name;
  std::string_view alternative;
};

constexpr Service kTerraformServices[] = {
    {"aws_sagemaker_", "Amazon SageMaker", "MLflow for tracking and models, KServe or BentoML for serving"},
    {"google_vertex_ai_", "Vertex AI", "MLflow for tracking and models, KServe or BentoML for serving"},
    {"azurerm_machine_learning_", "Azure Machine Learning", "MLflow and Kubeflow"},
    {"google_bigquery_", "BigQuery", "ClickHouse, or Parquet files queried with Trino or DuckDB"},
    {"aws_redshift_", "Amazon Redshift", "PostgreSQL or ClickHouse"},
    {"aws_athena_", "Amazon Athena", "Trino over Parquet"},
    {"aws_glue_", "AWS Glue", "Apache Spark orchestrated by Airflow or Dagster"},
    {"aws_emr_", "Amazon EMR", "Apache Spark on Kubernetes"},
    {"aws_dynamodb_", "Amazon DynamoDB", "PostgreSQL, Cassandra or ScyllaDB"},
    {"azurerm_cosmosdb_", "Azure Cosmos DB", "PostgreSQL, MongoDB or Cassandra"},
    {"aws_kinesis_", "Amazon Kinesis", "Apache Kafka or Redpanda"},
    {"google_pubsub_", "Google Pub/Sub", "Apache Kafka or NATS"},
    {"google_dataflow_", "Google Dataflow", "Apache Beam on Flink or Spark"},
    {"snowflake_", "Snowflake", "ClickHouse, or Trino over Parquet"},
};

constexpr Service kCodeServices[] = {
    {"sagemaker", "Amazon SageMaker", "MLflow for tracking and models, KServe or BentoML for serving"},
    {"redshift_connector", "Amazon Redshift", "PostgreSQL or ClickHouse"},
    {"snowflake", "Snowflake", "ClickHouse, or Trino over Parquet"},
};

void Run(AuditContext& context) {
  std::set<std::string_view> reported;
  for (const TfResource& resource : context.infra().resources) {
    for (const Service& service : kTerraformServices) {
      if (!resource.type().starts_with(service.key) || !reported.insert(service.name).second) continue;
      context.Report(kRule, *resource.terraform->file, HeaderSpan(resource),
                     fmt::format("'{}.{}' ties the project to {}; open alternative: {}", resource.type(),
                                 resource.name(), service.name, service.alternative));
    }
  }
  for (const PackagingModel::Import& import : context.packaging().third_party_imports) {
    for (const Service& service : kCodeServices) {
      if (import.module != service.key || !reported.insert(service.name).second) continue;
      context.Report(kRule, *import.file, import.span,
                     fmt::format("'import {}' ties the project to {}; open alternative: {}", import.module,
                                 service.name, service.alternative));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
