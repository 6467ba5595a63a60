# A neighbouring role, for `--roles`: the data engineer, who builds and runs the
# pipelines, warehouses and platforms that ML and analytics read from. Derived
# from the data-engineering ads of the development sets (ETL and ELT, Spark,
# Kafka, Airflow, SQL, warehouses and lakes, data modelling and quality). Not a
# ranking profile of its own quality: its job is to say when an ad reads more
# as data engineering than as ML engineering. Format: lexicons/README.md.

profile data-engineer
  label    Data Engineer
  penalty  0.6
  must     data.pipelines | data.warehouse | role.data_engineer

section pipelines
  label    Pipelines, warehouses and lakes
  weight   30
  need     4
  data.pipelines                3
  data.warehouse                2
  skill.airflow                 1
  skill.kafka                   1
  skill.databricks              1
  role.data_engineer            1

section big_data
  label    Big data
  weight   15
  need     3
  skill.spark                   2
  skill.hadoop                  1
  skill.hive                    1
  skill.pig                     1
  skill.flume                   1

section modelling
  label    Data modelling, architecture and quality
  weight   15
  need     2
  data.modeling                 1
  data.architecture             1
  data.quality_governance       1

section programming
  label    Programming
  weight   15
  need     4
  skill.sql                     2
  skill.python                  2
  skill.scala                   1
  skill.java                    1

section platform
  label    Platform and operations
  weight   10
  need     2
  skill.docker                  1
  skill.kubernetes              1
  dev.devops                    1

section reporting
  label    BI and reporting
  weight   5
  need     1
  data.bi_reporting             1

section collaboration
  label    Communication and collaboration
  weight   3
  need     1
  soft.communication            1
  soft.collaboration            1

title
  weight   25
  role.data_engineer            1
  data.pipelines                0.8
  data.warehouse                0.7
  data.bi_reporting             0.6
  role.data_analyst             0.5
