# fixture: S608
query = "SELECT * FROM t WHERE id = %s" % user_id  # expect: S608:9
query = "SELECT * FROM t WHERE id = " + user_id  # expect: S608:9
query = f"SELECT * FROM t WHERE id = {user_id}"  # expect: S608:9
query = "DELETE FROM t WHERE id = {}".format(user_id)  # expect: S608:9
query = "insert into t (a) values (" + value + ")"  # expect: S608:9
query = f"UPDATE t SET a = {a} WHERE id = {b}"  # expect: S608:9
query = "select a " f"from b where c = {c}"  # expect: S608:9
query = ("SELECT a FROM b WHERE c = " + x) + y  # expect: S608:9

# Good: parameterised queries, and strings that are not SQL
cursor.execute("SELECT * FROM t WHERE id = %s", (user_id,))
message = "selected %d rows" % n
query = "SELECT a FROM b WHERE c = %s" + x % 3
query = ("select a "  # from x
         + x)
query = "select\na from b where c=%s" % x
