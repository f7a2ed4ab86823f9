# fixture: S201
import flask
from flask import Flask

app = Flask(__name__)
app.run(debug=True)  # expect: S201:9
other = flask.Flask(__name__)
other.run(host="127.0.0.1", debug=True)  # expect: S201:29

# Good
app.run(debug=False)
app.run()
server.run(debug=True)
flask.Flask(__name__).run(debug=True)
