resource "aws_db_instance" "main" {
  username = "app"
  password = "s3cr3t-Pa55w0rd!"  <<expect DS851>>
}

resource "azurerm_linux_virtual_machine" "vm" {
  admin_password = "changeme"  <<expect DS852>>
}
