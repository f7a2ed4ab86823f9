from sqlalchemy import create_engine

engine = create_engine("mysql+py@@mysql://etl:Rw8kP2mQ@warehouse/dw")  <<expect DS851>>
cache_url = "re@@dis://default:admin@cache:6379/0"  <<expect DS852>>
API_KEY = "21de49f145fda9988c79fc35526f7eae"  <<expect DS851>>
