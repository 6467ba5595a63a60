# The default profile: the Machine Learning Engineer of the source article
# (shared/seed/000_8dfb630727c49e5a.txt), extended with the modern
# equivalents of extensions.lex. Format: lexicons/README.md.
#
# The ranking it has to produce: ML engineers first, then data scientists,
# then near misses (data engineers, backend developers, analysts, who share
# Python, Java, Spark, SQL and Kubernetes with ML engineers), then the rest.
# So the weight sits where ML work differs from data and software work:
# ml_core 25 + duties 28 + ml_frameworks 15 = 68 of the sections' 100.
# Programming and big data are real requirements but do not separate an ML
# engineer from a data engineer: 8 + 6. Maths (8) separates ML and data
# science from engineering roles, but also pulls data scientists up, so it
# stays below the ML sections. Data modelling, education and collaboration
# appear in nearly every technical ad: 4 + 3 + 3.
# (Checked against shared/corpus/labelled with `jobmatch eval`: moving weight
# from maths and programming to the duties ranks ML engineers above data
# scientists more often without costing anything against near misses.)
#
# `need` is set so that a realistic strong ML ad (not one listing every
# concept) covers a section fully: e.g. ML + deep learning or ML + LLMs for
# ml_core, about four duties for duties, two frameworks for ml_frameworks. A
# concept found once counts 0.9 of its weight (more mentions approach 1),
# so "full" in practice means 0.9 or more.

profile ml-engineer
  label    Machine Learning Engineer
  penalty  0.6

# Machine learning itself is the one must-have: an ad that names neither
# machine learning ("machine learning", "ML", "maschinelles Lernen") nor one
# of its fields (deep learning, LLMs, NLP, computer vision, reinforcement
# learning) is not an ML engineer ad, whatever else it shares. The fields
# count because ads of the LLM era often never write "machine learning"
# ("build RAG pipelines and fine-tune LLMs"). Statistical and predictive
# modelling counts too, as "predictive models" always has: data-science ads
# that build econometric, forecasting or churn models without the word ML
# are modelling work, and ranked below near misses only for the missing
# word. AI and the words "data science" alone do not: AI is in every
# company's boilerplate, and data science without modelling is the data
# scientist's analysis side.
  must     core.machine_learning | core.deep_learning | core.llm | core.nlp | core.computer_vision | core.reinforcement_learning | core.statistical_modelling

# The neighbouring roles (their profiles stand beside this one): every ad is
# scored against them too, and the record says which role it reads as. Data
# engineering and software ads share Python, Spark, Kubernetes and some ML
# words with ML ads, and data-science ads most of the ML vocabulary; when one
# of the three roles scores above this profile, the score shrinks by its lead
# in percent (a lead of 40 points: x0.6), so an ETL body under an "AI" title
# and an analysis-led data-science ad rank below ML engineering work. This
# profile ranks data scientists second, above near misses: the floor keeps an
# ad at 0.3 x its data-scientist score at least.
  contrast data-scientist | data-engineer | software-engineer
  contrast_weight 1
  floor    data-scientist 0.3

# ML (4) + one field (deep learning, LLMs: 2) = 6 is full coverage. AI, data
# science and statistical modelling are weak signals: 1.
section ml_core
  label    ML core
  weight   25
  need     6
  core.machine_learning         4
  core.deep_learning            2
  core.llm                      2
  core.nlp                      1
  core.computer_vision          1
  core.reinforcement_learning   1
  core.recommender_systems      1
  core.time_series_forecasting  1
  core.statistical_modelling    1
  core.ai                       1
  core.data_science             1

# What an ML engineer does (the article's "Aufgaben" list plus deploy,
# monitor, feature engineering). Training, deploying, designing ML systems,
# turning prototypes into production and tuning are the MLE-specific duties
# (2 each); the research, evaluation, exploration and data duties are shared
# with data scientists (1 each). need 7: e.g. train + deploy + design + one
# more duty.
section duties
  label    ML engineering duties
  weight   28
  need     7
  duty.train_models             2
  duty.deploy_models            2
  duty.convert_prototypes       2
  duty.design_ml_systems        2
  duty.tune_models              2
  duty.monitor_models           1
  duty.feature_engineering      1
  duty.rank_algorithms          1
  duty.research_algorithms      1
  duty.explore_data             1
  duty.find_datasets            1
  duty.extend_frameworks        1
  duty.build_ml_apps            1
  duty.experimentation          1
  duty.academic_research        1

# The article's frameworks and their modern successors. Two of the big ones
# (PyTorch, TensorFlow, scikit-learn: 2 each) fill the section; the
# ecosystem tools count 1. Almost nothing here occurs in non-ML ads.
section ml_frameworks
  label    ML frameworks and libraries
  weight   15
  need     4
  skill.pytorch                 2
  skill.tensorflow              2
  skill.scikit_learn            2
  skill.keras                   1
  skill.theano                  1
  skill.caffe                   1
  skill.matplotlib              1
  skill.xgboost                 1
  skill.huggingface             1
  skill.jax                     1
  skill.numpy_pandas            1
  skill.mlflow                  1
  skill.cloud_ml                1
  skill.onnx_tensorrt           1
  skill.cuda                    1

# Python is the language of ML (3); the article's R, Java, C++ and the
# Scala and SQL that ads add count 1. Python + one more fills it, so this
# section cannot tell an ML engineer from a Python backend developer: low
# weight.
section programming
  label    Programming
  weight   8
  need     4
  skill.python                  3
  skill.r                       1
  skill.java                    1
  skill.cpp                     1
  skill.scala                   1
  skill.sql                     1

# The article's big-data stack (Hadoop, Spark, Pig, Hive, Flume) and the
# platform tools that replaced most of it. Data engineers score full here,
# which is why the weight is low. Spark (2) + one more fills it.
section big_data
  label    Big data and platform
  weight   6
  need     3
  skill.spark                   2
  skill.hadoop                  1
  skill.hive                    1
  skill.pig                     1
  skill.flume                   1
  skill.kafka                   1
  skill.airflow                 1
  skill.databricks              1
  skill.kubernetes              1
  skill.docker                  1

# The article's maths list (linear algebra, calculus, Bayesian and
# descriptive statistics) plus statistics, probability and optimisation.
# Separates ML and DS from software and data engineering. Statistics (2) +
# linear algebra (2) fills it; few real ads list more.
section math_stats
  label    Mathematics and statistics
  weight   8
  need     4
  math.statistics               2
  math.linear_algebra           2
  math.probability              1
  math.calculus                 1
  math.bayesian_statistics      1
  math.descriptive_statistics   1
  math.optimization             1

# Data modelling and data architecture: in the article, but the core of data
# engineering ads, not of ML ads. Either one covers half.
section data_modeling
  label    Data modelling and architecture
  weight   4
  need     2
  data.modeling                 1
  data.architecture             1

# A CS / maths / statistics degree. Most technical ads ask for one, so it
# adds little separation: low weight, and the one concept fills it.
section education
  label    Education
  weight   3
  need     2
  edu.degree                    2

# Communication and teamwork: in nearly every ad of every kind, so it must
# not move the ranking. Either one fills it.
section collaboration
  label    Communication and collaboration
  weight   3
  need     1
  soft.communication            1
  soft.collaboration            1

# The title says what the role is, and a recruiter reads it first: "Machine
# Learning Engineer (m/w/d)" in the title is strong evidence, the same words
# in a sentence about "our ML team" are weak. The title's value is the highest
# of these concepts named in it; it weighs like a section of 25 (a fifth of
# the score with the sections' 100). Data science in the title is the second
# tier; AI alone is vaguer ("AI Consultant", "Marketing Manager – AI"),
# but "AI Engineer" is what ML engineering is called in titles since the
# LLM era (0.9, like LLMs). A title that names another kind of job (product
# owner or manager, marketing, sales, recruiting, teaching) is worth 0
# whatever else it names: there the ML words describe the product or the
# market ("Technical Product Owner AI Platform"). So is one that names data
# engineering: "Data Engineer KI", "AI & Data Engineer" or "Data Engineer /
# ML Engineer" build the pipelines ML teams use (in the development sets
# every such title is a near miss), while "Software Engineer, Machine
# Learning" is often ML work, so software engineering is not here.
title
  weight   25
  core.machine_learning         1
  core.deep_learning            1
  core.llm                      0.9
  core.nlp                      0.9
  core.computer_vision          0.9
  core.reinforcement_learning   0.9
  duty.deploy_models            0.9
  core.ai_engineer              0.9
  core.data_science             0.7
  core.ai                       0.6
  core.recommender_systems      0.5
  role.other_job                0
  role.data_engineer            0
