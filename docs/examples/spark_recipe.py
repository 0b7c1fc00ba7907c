"""Add canonical ids to a Spark DataFrame with mapInPandas (run from the repository root)."""

import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType, StringType, StructField, StructType

import borderlex

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # Python workers use this interpreter

spark = SparkSession.builder.master("local[2]").getOrCreate()
events = spark.read.csv("tests/data/events.csv", header=True)


def add_ids(frames):
    for frame in frames:  # pandas DataFrames, one per batch of a partition
        yield borderlex.resolve_column(frame, "location")


added = [
    StructField("location_id", StringType()),
    StructField("location_name", StringType()),
    StructField("location_score", DoubleType()),
    StructField("location_method", StringType()),
]
result = events.mapInPandas(add_ids, StructType(events.schema.fields + added))
for row in result.orderBy("event_id").collect():
    print(row["location"], row["location_id"], row["location_method"], sep="\t")
spark.stop()
