"""The registry: agreements with their history, in SQLite or PostgreSQL.

engine      open a registry by URL or path; Alembic migrations own the schema
tables      the schema (SQLAlchemy Core)
ingest      extraction records in, rows out, one transaction per batch
curation    the analysts' append-only log of corrections, applied over extracted values
queries     the one query layer: listings, one agreement's timeline, people, meetings
search      full text over articles and evidence (FTS5 / tsvector)
export      csv, json and xlsx from the query layer
"""
