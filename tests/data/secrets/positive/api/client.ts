const token = "ey@@JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiZHNhdWRpdCB0ZXN0In0.5zmS1swoPqApryPZBlgvIyxJu2jGjNGkTfi3oYv2Dza";  <<expect DS851>>
fetch("/api", { headers: { Authorization: `Bearer ${token}` } });
