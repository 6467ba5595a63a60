# A neighbouring role, for `--roles`: the data scientist, who analyses data and
# builds statistical and ML models to answer business questions, more than
# building and running ML systems. Derived from the data-science ads of the
# development sets (statistics, experiments and A/B tests, forecasting,
# pricing and customer analytics, Python, R and SQL, communicating results).
# Format: lexicons/README.md.

profile data-scientist
  label    Data Scientist
  penalty  0.6
  must     core.data_science | math.statistics | core.machine_learning

section modelling
  label    Models and methods
  weight   25
  need     5
  core.machine_learning         3
  core.data_science             2
  core.time_series_forecasting  1
  core.statistical_modelling    2
  core.nlp                      1
  core.deep_learning            1
  core.recommender_systems      1

section analysis
  label    Analysis, experiments and insight
  weight   25
  need     4
  ds.business_analytics         2
  duty.experimentation          2
  duty.explore_data             1
  duty.feature_engineering      1
  duty.rank_algorithms          1
  duty.academic_research        1

section math_stats
  label    Statistics and mathematics
  weight   20
  need     4
  math.statistics               3
  math.probability              1
  math.optimization             1
  math.bayesian_statistics      1
  math.linear_algebra           1
  math.descriptive_statistics   1

section tools
  label    Analysis tools
  weight   15
  need     4
  skill.python                  2
  skill.r                       2
  skill.sql                     2
  skill.numpy_pandas            1
  skill.scikit_learn            1
  skill.matplotlib              1
  skill.xgboost                 1

section communication
  label    Communication and collaboration
  weight   10
  need     1
  soft.communication            1
  soft.collaboration            1
  data.bi_reporting             1

section education
  label    Education
  weight   5
  need     2
  edu.degree                    2

title
  weight   25
  core.data_science             1
  core.machine_learning         0.8
  math.statistics               0.8
  role.data_analyst             0.7
