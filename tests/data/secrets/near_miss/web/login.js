const password = process.env.DB_PASSWORD;
const apiKey = config.get("apiKey");
if (password === "admin") {
  throw new Error("refusing the default password");
}
const url = `postgresql://${user}:${password}@${host}/app`;
import { hf_hub_download, hf_transfer_enabled } from "./hub";
const notAToken = "ghp_000000000000000000000000000000000000";
const shortToken = "ghp_abc";
