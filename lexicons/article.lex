# Concepts named in the source article (shared/seed/000_8dfb630727c49e5a.txt):
# its "Aufgaben eines Machine Learning Engineers" (duty.*) and
# "Erforderliche Fähigkeiten" (edu.*, math.*, data.*, skill.*, soft.*) lists.
# The ids are part of the output contract: never rename them.
#
# Format: lexicons/README.md. Reminders for editors:
# - a space in a pattern also matches the joiners - / . ' inside a token
#   ("machine learning" finds "Machine-Learning-Modelle"); `&` is NOT a boundary.
# - `*` stays inside one word part and never crosses a boundary.
# - `re:` patterns are raw RE2 over the normalized stream: lowercase, umlauts
#   written ae/oe/ue, ss for ß; tokens are joined by single spaces, so
#   `[ /.'-]` is "any boundary". Never write " | " inside a re: pattern.
# - a weak pattern never lists itself as near context.

# ---------------------------------------------------------------- ML core

concept core.machine_learning
  label   Machine learning
  origin  article
  en      machine learning | ml | machine learned | machine learnt | ai/ml | ml/ai
  en      supervised learning | unsupervised learning | semi supervised learning | self supervised learning
  en      predictive model*
  # Fields of ML research that academic ads name instead of "machine learning"
  en      representation learning | transfer learning | few shot learning | zero shot learning | meta learning | metric learning | contrastive learning | multimodal learning | multi modal learning | federated learning | statistical learning | explainable ai | explainable ml | explainable machine learning | interpretable ml | interpretable machine learning | gaussian process*
  de      maschinell* lern* | maschinenlern* | überwacht* lern* | unüberwacht* lern*
  de      repräsentationslernen | transferlernen | föderiert* lernen | erklärbare* ki | erklärbare* künstliche* intelligenz | statistisches lernen
  de      vorhersagemodell* | prognosemodell*
  # "500 ml", "0.5 ml": millilitres
  not     re:(?:[0-9][0-9.,]*) ml

# ---------------------------------------------------------------- duties

concept duty.convert_prototypes
  label   Turn data-science prototypes into production systems
  origin  article
  en      productioniz* | productionis* | productionaliz* | productionalis* | production ready models
  en      prototype to production | prototypes to production | prototype into production | prototypes into production
  en      poc to production | pocs to production | proof of concept to production | research to production | research into production
  en      notebook to production | notebooks to production | lab to production | experimentation to production
  en      models into production | models to production | model to production | ml in production
  en      re:(?:prototypes?|pocs?|proofs?[ /.'-]of[ /.'-]concepts?|research|experiments?|notebooks?) (?:[^ ]+ ){0,4}(?:into|to) (?:[^ ]+ ){0,2}production
  en      re:(?:productioni[sz]e|productioni[sz]ing|operationali[sz]e|operationali[sz]ing|industriali[sz]e|industriali[sz]ing|harden|hardening|convert|converting) (?:[^ ]+ ){0,3}(?:prototypes?|pocs?|proofs?[ /.'-]of[ /.'-]concepts?|data science models|research models|notebooks?)
  de      data science prototyp* | ds prototyp* | ml prototyp* | ki prototyp* | produktivsetzung* | produktivnahme
  de      in produktion überführ* | in die produktion überführ* | in produktive systeme überführ* | in den produktivbetrieb | in den produktiven betrieb
  de      in produktion bring* | in die produktion bring* | in produktion zu bringen | in die produktion zu bringen | produktiv zu setzen | produktiv setzen
  de      vom prototyp* zum produkt* | vom prototyp* in die produktion | vom poc in die produktion | vom poc zum produkt* | überführung von prototypen
  de      operationalisierung von modellen | modelle operationalisier* | operationalisierung von ml | operationalisierung von ki
  de      re:(?:prototypen?|pocs?|proof[ /.'-]of[ /.'-]concepts?|modellen?|ml[ /.'-]modellen?|ki[ /.'-]modellen?) (?:[^ ]+ ){0,5}(?:in|zu|fuer) (?:[^ ]+ ){0,2}(?:produktion|produktiv|skalierbar|produktreif)[^ ]*
  weak    *prototyp* | poc | pocs | proof of concept* | proofs of concept*
  not     prototypenbau* | prototypenwerkstatt
  near    produktiv* | produktion* | production* | productioniz* | productionis* | konvertier* | convert* | überführ* | operationalis* | operationaliz* | industrialis* | industrializ* | hardened
  window  6

concept duty.design_ml_systems
  label   Design and build ML systems
  origin  article
  en      ml system design | machine learning system design | design ml systems | design machine learning systems | designing ml systems | designing machine learning systems
  en      ml systems | ml system | machine learning systems | machine learning system | ml pipelines | ml pipeline | machine learning pipelines | machine learning pipeline
  en      ml architecture* | machine learning architecture* | mlops platform* | ml infrastructure | machine learning infrastructure | ml platform* | machine learning platform*
  en      end to end ml | end to end machine learning | ai/ml systems | ml/ai systems | ml services | ml backend | ml backends
  de      ml system* | ml architektur* | mlops plattform* | ml plattform* | ml pipelines | ml infrastruktur
  de      systeme für maschinelles lernen | systemen für maschinelles lernen | systemen und schemata für maschinelles lernen | schemata für maschinelles lernen
  # building the models themselves is part of designing and developing ML systems
  en      ml model development | machine learning model development
  # the LLM era's ML systems: agents, RAG and LLM pipelines
  en      ai agent systems | agent systems | agentic systems | agentic ai systems | multi agent systems | compound ai systems | llm systems | llm pipelines | llm infrastructure | rag pipelines | rag pipeline | rag systems | rag system | retrieval pipelines | genai platform* | agent orchestration | agent infrastructure
  de      agentensystem* | ki agentensystem* | multi agenten systeme | llm systeme | rag systeme | genai plattform*
  en      re:(?:build|builds|building|develop|develops|developing|design|designs|designing)(?: and [^ ]+)? (?:ml|machine[ /.'-]learning|deep[ /.'-]learning)[ /.'-]models?
  de      entwicklung von ml modellen | entwicklung von machine learning modellen | entwicklung von ki modellen | ml modelle entwickeln | ml modelle zu entwickeln | machine learning modelle entwickeln | ml modellentwicklung
  weak    system | systems | systeme | systemen | schemata | pipeline | pipelines | architecture | architectures | architektur* | infrastructure | infrastruktur | platform | platforms | plattform*
  near    ml | machine learning | maschinell* lern* | deep learning | ai/ml | ml/ai | llm | llms | genai | agentic | nlp | embedding | embeddings
  window  2

concept duty.tune_models
  label   Analyse and fine-tune models from test results
  origin  article
  en      hyperparameter* | hyper parameter* | model tuning | tune models | tuning models | tuning of models | tune the models | tune ml models
  en      model optimization | model optimisation | optimize models | optimise models | optimizing models | optimising models | optimize model performance | improve model performance | improving model performance | model performance optimization
  en      ablation stud* | model debugging | debug models | model error analysis
  de      feinabstimm* | feintuning | feinjustierung von modellen | hyperparameter* | modelloptimierung | modelltuning | optimierung von modellen | optimierung der modelle | optimierung von ml modellen
  de      modelle optimier* | modelle zu optimieren | modelle feinabstimm* | modellleistung verbessern | modellperformance verbessern | verbesserung der modellperformance | verbesserung der modellleistung | tuning von modellen
  weak    fine tune* | fine tuning | finetun* | tuning | tune | tunen | optimier* | optimiz* | optimis*
  near    model | models | modell | modells | modelle | modellen | sprachmodell* | vorhersagemodell* | prognosemodell* | llm* | neural | classifier* | klassifikator* | lora | peft | ml | testergebnis* | test results | hyperparameter*
  not     performance tuning | database tuning | sql tuning | query tuning | process optimization | prozessoptimierung
  window  4

concept duty.find_datasets
  label   Find and curate training datasets
  origin  article
  en      training data | training dataset* | training sets | training set | training corpora | training corpus | datasets for training | data for training | data sets for training
  en      labeled data | labelled data | data labeling | data labelling | data annotation | annotated data | annotated datasets | labeled datasets | labelled datasets | ground truth data
  en      data curation | dataset curation | curate data | curating data | curate datasets | curating datasets | curated datasets | dataset creation | create datasets | build datasets | building datasets
  en      public datasets | open datasets | publicly available datasets | benchmark datasets | find datasets | finding datasets | source datasets | sourcing datasets | acquire datasets | collect datasets
  de      trainingsdat* | schulungszweck* | trainingszweck* | datensätze für das training | daten für das training | datensätze finden | datensätze zu finden | geeignete datensätze | öffentliche datensätze | öffentlich verfügbare datensätze | verfügbare datensätze
  de      gelabelte* daten | gelabelten daten | annotierte* daten | datenannotation | annotation von daten | labeling von daten | labelling von daten | daten labeln | datenkuratierung | kuratierung von daten | daten kuratieren | datensätze kuratieren | datensätze erstellen | aufbau von datensätzen
  weak    datasets | dataset | data sets | datensätze | datensätzen | datensatz | data sources | datenquellen
  near    training | trainier* | curate | curating | curation | curated | kuratier* | sammeln | collect* | source | sourcing | beschaff* | finden | find | finding | label* | annotat* | publicly available | öffentlich* | acquire | acquisition
  window  3

concept duty.train_models
  label   Train and retrain models
  origin  article
  en      model training | models training | training of models | training of ml models | train models | training models | train ml models | training ml models | train and deploy | train and evaluate | training and deploying | training and evaluating | training and evaluation | training and inference
  en      retrain* | re train | re training | re trained | training pipeline* | training loop* | training runs | training jobs | training infrastructure | distributed training | pre training | pretraining | pre train | pretrain | trained models
  de      modelltraining* | *modelltraining | training von modellen | training der modelle | training von ml modellen | training von ki modellen | trainieren von modellen | modelle trainieren | modelle zu trainieren | modelle trainiert
  de      nachtrainier* | neu trainier* | neu zu trainieren | erneut trainier* | trainingspipeline* | trainingsläufe | trainingsprozess* | verteiltes training | verteiltem training | verteilten trainings
  weak    train | trains | training | trained | trainier* | trainiert | trainierte*
  near    model | models | modell | modells | modelle | modellen | sprachmodell* | vorhersagemodell* | prognosemodell* | llm* | neural | neuronal* | classifier* | klassifikator* | ml | machine learning | embedding* | deep learning | algorithm* | algorithmen
  not     training programs | training program | training courses | trainingsprogramm* | on the job training | training budget | training and development | training opportunities
  window  5

concept duty.extend_frameworks
  label   Extend ML frameworks and libraries
  origin  article
  en      extend ml frameworks | extending ml frameworks | extend machine learning frameworks | extending machine learning frameworks | contribute to ml frameworks | contributing to ml frameworks
  en      internal ml tooling | ml tooling | machine learning tooling | custom layers | custom operators | custom kernels | custom ops
  en      re:(?:extend|extends|extending|contribute|contributing|contributions|build|building|develop|developing|maintain|maintaining|improve|improving|enhance|enhancing) (?:[^ ]+ ){0,4}(?:ml|machine[ /.'-]learning|deep[ /.'-]learning|ai|modeling|training|inference)[ /.'-](?:frameworks?|librar(?:y|ies)|tooling|toolkits?|sdks?)
  de      ml frameworks erweiter* | ml frameworks und bibliotheken
  de      re:(?:ml|ki|machine[ /.'-]learning|deep[ /.'-]learning)[ /.'-](?:frameworks?|bibliotheken|libraries|werkzeuge|tools) (?:[^ ]+ ){0,4}(?:zu )?(?:erweitern|erweiterst|bereichern|weiterentwickeln|weiterzuentwickeln|ausbauen|auszubauen)
  de      re:(?:erweiterung|weiterentwicklung|ausbau) (?:[^ ]+ ){0,3}(?:ml|ki|machine[ /.'-]learning)[ /.'-](?:frameworks?|bibliotheken|libraries|werkzeuge|tools)
  # generic open-source work counts only next to ML words
  weak    open source contribution* | contribute to open source | contributing to open source | contributions to open source | contributor to open source | open source contributor* | contributed to open source | upstream contributions
  weak    open source beiträge | open source beitrag | beiträge zu open source* | beitrag zu open source* | open source projekte beitragen
  near    ml | machine learning | maschinell* lern* | deep learning | pytorch* | tensorflow* | jax | keras | scikit* | hugging face | huggingface | llm* | ai | ki
  window  8

concept duty.build_ml_apps
  label   Build ML applications for clients
  origin  article
  en      ml applications | ml application | machine learning applications | machine learning application | ml apps | machine learning apps | ml products | machine learning products | ml features | ml powered | ml driven | ml based products | ml solutions | machine learning solutions
  en      ai applications | ai products | ai features | ai powered products | ai powered applications | ai powered features | llm applications | llm powered | llm based applications | genai applications | intelligent applications
  en      build ai agents | building ai agents | develop ai agents | developing ai agents | ai agent development | build llm agents | building llm agents | ai copilot* | ai assistants
  de      ki agenten entwickeln | entwicklung von ki agenten | ki copilot* | ki assistent*
  de      ml anwendung* | ml lösung* | ki anwendung* | machine learning anwendung* | ml apps | ki apps | ml produkte | ki produkte | ki gestützte* anwendungen | ki basierte* anwendungen | ki basierte* software | ki gestützte* software | ki basierte* lösungen | ki gestützte* lösungen | ki lösungen für kunden
  weak    application | applications | app | apps | anwendung* | *anwendungen | solutions | lösungen
  near    ml | machine learning | maschinell* lern* | deep learning | ml/ai | ai/ml | llm* | genai
  window  2

concept duty.research_algorithms
  label   Research and implement ML algorithms
  origin  article
  en      ml algorithms | ml algorithm | machine learning algorithms | machine learning algorithm | learning algorithms | deep learning algorithms | ai algorithms
  en      novel algorithms | novel ml algorithms
  en      research papers | academic papers | scientific papers | latest research | cutting edge research | ml research | machine learning research | ai research | applied research | applied ml research | research and implement | research and develop | neurips | icml | iclr | cvpr | emnlp | kdd
  en      state of the art models | state of the art methods | state of the art techniques | state of the art algorithms | state of the art approaches | state of the art ml | state of the art machine learning | state of the art deep learning | sota
  de      ml algorithm* | ki algorithm* | lernalgorithm* | lernverfahren
  de      neue methoden | neuesten methoden | neueste methoden | neuen methoden | aktuelle forschung* | neueste forschung* | neuesten forschung* | stand der forschung | wissenschaftliche publikationen | wissenschaftliche veröffentlichungen | forschungsergebnisse umsetzen | verfahren aus der fachliteratur | aktueller verfahren | aktuelle verfahren | neuester verfahren | neueste verfahren
  weak    research* | erforsch* | forsch* | experiment* | explore | exploring | state of the art | cutting edge | neueste* | latest
  near    algorithm* | algorithmen | *algorithmen | ml | machine learning | maschinell* lern* | deep learning | nlp | computer vision | model architectures | modellarchitektur*
  not     state of the art office* | state of the art facilities | state of the art equipment | market research | marktforschung | user research | ux research | customer research
  window  3

concept duty.rank_algorithms
  label   Evaluate, compare and rank algorithms
  origin  article
  en      model selection | algorithm selection | model evaluation | models evaluation | evaluation of models | evaluate models | evaluating models | evaluate ml models | model comparison | compare models | comparing models | benchmark models | benchmarking models | model benchmarking
  en      model validation | validate models | validating models | cross validation | offline evaluation | evaluation metrics | evaluation framework* | evaluation pipeline* | evals | select the best model | select algorithms | choose algorithms | choosing algorithms | success probability | probability of success
  en      eval harness* | evaluation harness* | llm evaluation* | llm evals | evaluation of llms | evaluating llms | evaluate llms | model evals
  de      modellauswahl | modellselektion | modellbewertung | modellevaluation | modellevaluierung | modellvalidierung | modellvergleich | evaluierung von modellen | bewertung von modellen | vergleich von modellen | validierung von modellen | auswahl von modellen
  de      auswahl von algorithmen | auswahl geeigneter algorithmen | algorithmen bewerten | algorithmen vergleichen | algorithmen einstufen | algorithmen zu bewerten | algorithmen zu vergleichen | erfolgswahrscheinlichkeit* | kreuzvalidierung | evaluationsmetriken
  weak    evaluat* | evaluier* | compar* | benchmark* | select* | rank | ranking | assess* | bewert* | vergleich* | auswahl | auswähl* | einstuf*
  near    model | models | modell | modells | modelle | modellen | sprachmodell* | vorhersagemodell* | prognosemodell* | algorithm* | algorithmen | *algorithmen | llm* | classifier* | klassifikator*
  not     re:(?:evaluat|evaluier|compar|benchmark|select|rank|rate|validat|validier|assess|bewert|vergleich|auswahl|auswaehl|einstuf)[^ ]* (?:[^ ]+ ){0,3}(?:business|operating|pricing|data|revenue|delivery|service|role|financial|insurance)[ /.'-]models?
  window  3

concept duty.explore_data
  label   Explore and visualise data, find distribution shifts
  origin  article
  en      exploratory data analysis | exploratory analysis | exploratory analyses | data exploration | explore data | exploring data | explore large datasets | exploring large datasets
  en      data visualization | data visualisation | data visualizations | data visualisations | visualize data | visualise data | visualizing data | visualising data
  en      data drift | concept drift | model drift | distribution shift* | covariate shift | dataset shift | data distribution* | distribution of the data | distributions of data | drift detection
  de      explorativ* datenanalyse* | explorativ* analyse* | datenexploration | exploration von daten | daten explorieren | daten zu explorieren | daten untersuchen | untersuchen und visualisieren von daten
  de      datenvisualisierung* | visualisierung von daten | daten visualisieren | daten zu visualisieren | visualisieren von daten | datenverteilung* | verteilung der daten | verteilungen der daten | datendrift | data drift | konzeptdrift | verteilungsverschiebung*
  weak    eda
  near    data | daten | analysis | analyse | pandas | jupyter | notebook* | visuali* | statisti* | python
  window  6

# ---------------------------------------------------------------- education

# Degree words alone ("degree", "Studium", "Master", "Abschluss") are weak: they
# count only next to a technical/quantitative field, so "Ausbildung zum
# Steuerfachangestellten" or "degree in marketing" never fire. "Ausbildung" is
# deliberately not a pattern at all.
concept edu.degree
  label   Degree in computer science, mathematics or statistics
  origin  article
  en      computer science degree | cs degree | mathematics degree | maths degree | math degree | statistics degree | physics degree | stem degree | quantitative degree
  en      degree in computer science | degree in mathematics | degree in maths | degree in math | degree in statistics | degree in physics | degree in a quantitative field | degree in a stem field
  en      phd in machine learning | phd in computer science | phd in statistics | phd in mathematics | master s in computer science | masters in computer science | msc in computer science | bsc in computer science | ms in computer science | bs in computer science
  de      informatikstudium | *informatikstudium | mathematikstudium | statistikstudium | physikstudium | mint studium | studium der informatik | studium der mathematik | studium der statistik | studium der physik | studium der wirtschaftsinformatik
  de      studium in informatik | studium in mathematik | studium in statistik | studium im bereich informatik | studium im bereich mathematik | studium im bereich statistik | studiengang informatik | studiengang mathematik | abschluss in informatik | abschluss in mathematik | abschluss in statistik
  de      promotion in informatik | promotion in mathematik | master in informatik | master in mathematik | master in statistik | diplom informatik* | diplom mathemati*
  weak    degree | degrees | bachelor* | master | masters | master s | msc | m sc | bsc | b sc | ms | bs | phd | phds | ph d | doctorate | doctoral | postgraduate | graduate degree | advanced degree
  weak    studium | *studium | studiengang | *studiengang | abschluss | hochschulabschluss | universitätsabschluss | *abschluss | diplom | promotion | promoviert* | doktor* | fortgeschrittener abschluss
  near    computer science | informatik* | *informatik | mathemati* | *mathematik | maths | math | statisti* | *statistik | physics | physik* | quantitative field* | quantitative discipline* | stem | mint | machine learning | data science | electrical engineering | elektrotechnik | computer engineering | software engineering | operations research | econometrics | ökonometrie
  not     360 degree | 360 grad | to some degree | to a degree | high degree | a degree of | ms office | ms excel | ms word | ms teams | ms sql | ms azure | ms project | ms dynamics | ms access | ms powerpoint | jahresabschluss | monatsabschluss | vertragsabschluss | *vertragsabschluss | konzernabschluss | projektabschluss | schulabschluss | quartalsabschluss
  window  8

# ---------------------------------------------------------------- mathematics and statistics

concept math.linear_algebra
  label   Linear algebra
  origin  article
  en      linear algebra | matrix algebra | matrix calculus | vector calculus | eigenvalue* | eigenvector*
  de      linear* algebra | matrizenrechnung | vektorrechnung | eigenwert*

# German "Analysis" is the calculus course; English "analysis" is mostly data,
# statistical or business analysis. So bare "analysis" is weak and needs a
# mathematics-course neighbour (algebra, calculus, Stochastik, Mathematik...).
concept math.calculus
  label   Calculus (Analysis)
  origin  article
  en      calculus | multivariable calculus | differential calculus | integral calculus | real analysis | differential equations | partial derivatives
  de      differential und integralrechnung | differentialrechnung | integralrechnung | infinitesimalrechnung | differentialgleichung* | höhere mathematik | höheren mathematik
  weak    analysis
  near    algebra | linear* algebra | calculus | stochastik | numerik | differentialrechnung | integralrechnung | differentialgleichung* | differential equations | mathematik* | *mathematik | geometrie | geometry | topolog* | mittelwert | varianz | wahrscheinlichkeitsrechnung
  not     data analysis | statistical analysis | business analysis | requirements analysis | root cause analysis | cost benefit analysis | sentiment analysis | time series analysis | regression analysis | financial analysis | risk analysis | market analysis | image analysis | text analysis | network analysis | security analysis | variance analysis | quantitative analysis | qualitative analysis | survival analysis | fundamental analysis | technical analysis | code analysis | static analysis | gap analysis | impact analysis | exploratory analysis | multivariate analysis | bayesian analysis | trend analysis | meta analysis | design analysis | numerical analysis | cluster analysis | factor analysis
  window  5

concept math.bayesian_statistics
  label   Bayesian statistics
  origin  article
  any     bayes*
  en      bayesian* | bayes theorem | bayesian inference | bayesian statistics | bayesian modeling | bayesian modelling | probabilistic programming | pymc* | naive bayes | bayes rule
  de      bayes'sche statistik | bayessche statistik | bayes statistik | bayesianische* | bayessch*

concept math.descriptive_statistics
  label   Descriptive statistics (mean, median, variance)
  origin  article
  en      descriptive statistics | descriptive analytics | summary statistics | standard deviation* | mean median | mean and median | mean median and mode | mean median mode | mean and variance | mean variance | median and variance | mean and standard deviation | arithmetic mean | percentiles | quantiles | interquartile range
  de      deskriptive* statistik | beschreibende* statistik | deskriptiv* statistisch* | mittelwert* | standardabweichung* | varianz* | quantil* | perzentil* | streuungsmaß* | lagemaß* | arithmetisch* mittel
  weak    mean | median | variance
  near    statisti* | standard deviation | distribution | distributions | verteilung | verteilungen | mittelwert* | varianz* | standardabweichung* | descriptive | deskriptiv* | quantile* | percentile* | probability | wahrscheinlichkeit* | skewness | kurtosis | correlation | korrelation
  not     median salary | median base salary | median pay | median compensation | median income | median household | variance analysis | budget variance | variance reporting | variance reports | variance report | cost variance
  window  4

# ---------------------------------------------------------------- data modelling and architecture

concept data.modeling
  label   Data modelling
  origin  article
  en      data modeling | data modelling | data models | data model | dimensional model* | dimensional data model* | conceptual data model* | logical data model* | physical data model* | entity relationship* | er diagram* | er model* | star schema* | snowflake schema* | schema design | database design | data vault
  de      datenmodell* | *datenmodell | *datenmodelle | *datenmodellen | *datenmodellierung | datenmodellierungs* | modellierung von daten | datenbankdesign | datenbankmodellierung | datenbankentwurf | er modell* | sternschema | schemadesign | schemaentwurf

concept data.architecture
  label   Data architecture
  origin  article
  en      data architecture* | data architect | data architects | architecture of data | data platform architecture | data pipeline architecture | data systems architecture | data lake architecture | lakehouse architecture | data warehouse architecture | data mesh | data lakehouse | lakehouse
  de      datenarchitektur* | *datenarchitektur | *datenarchitekturen | datenarchitekt* | architektur von datenplattformen | datenplattformarchitektur | daten architektur

# ---------------------------------------------------------------- programming languages

concept skill.python
  label   Python
  origin  article
  any     python* | py3 | cpython | jupyter* | ipython

# A lone "R" is weak: it needs a language/statistics neighbour. "R&D" and
# "F&E" are single tokens, so "r" cannot match there anyway.
concept skill.r
  label   R
  origin  article
  en      r programming | r language | r packages | r package | r scripts | r script | r code | r skills | rstudio | r studio | tidyverse | ggplot* | dplyr | data table in r | r shiny | rshiny | rmarkdown | r markdown | cran | bioconductor | programming in r | coding in r | proficiency in r | experience in r | experience with r | knowledge of r | fluency in r
  de      programmiersprache r | r kenntnisse | r programmierung | r programmierkenntnisse | r pakete | r skripte | kenntnisse in r | erfahrung in r | erfahrung mit r | programmierung in r
  weak    r
  near    python* | sql | sas | stata | spss | matlab | julia | scala | java | c++ | octave | excel | statisti* | *statistik | programmier* | programming | sprache* | *sprachen | language* | kenntnisse | *kenntnisse | skills | coding | scripting | tableau | power bi | pandas
  not     re:[0-9]+ r | re:[^ ]*e/r | re:r/[0-9]+ | re:[a-z]+(?:ene|ierte|ete) r | i d r | sap r
  window  6

concept skill.java
  label   Java
  origin  article
  any     java | re:java[0-9]+ | jvm | j2ee | java ee | jakarta ee | java se
  not     java script | java island | java kaffee | java coffee

concept skill.cpp
  label   C++
  origin  article
  any     c++ | re:c\+\+[0-9]+ | cplusplus | c plus plus | modern c++

# ---------------------------------------------------------------- big data

concept skill.hadoop
  label   Hadoop
  origin  article
  any     hadoop* | apache hadoop | hdfs | mapreduce | map reduce | cloudera | hortonworks | hbase | sqoop | oozie

concept skill.spark
  label   Apache Spark
  origin  article
  any     apache spark | pyspark | spark sql | sparksql | spark streaming | spark structured streaming | spark mllib | mllib | spark ml | sparkml | sparkr | spark jobs | spark cluster* | spark scala | scala spark | spark dataframes | spark applications
  weak    spark
  near    hadoop* | hive | kafka | flink | scala | python* | sql | big data | databricks | hdfs | airflow | beam | presto | trino | emr | dataproc | etl | pig | flume | storm | dask | ray | pandas | snowflake | bigquery | redshift | delta lake | java | cluster* | distributed | verteilt* | frameworks | data processing | datenverarbeitung | data engineering | pipelines
  not     spark joy | spark your | spark curiosity | spark creativity | spark innovation | spark conversations | spark conversation | spark change | spark ideas | spark interest | spark new | spark growth | spark a
  window  6

concept skill.pig
  label   Apache Pig
  origin  article
  any     apache pig | pig latin | piglatin
  weak    pig
  near    hadoop* | hive | spark | flume | hdfs | mapreduce | big data | sqoop | oozie | hbase | impala | kafka | storm | scala | presto | etl
  not     guinea pig* | pig farm* | pig farming
  window  6

concept skill.hive
  label   Apache Hive
  origin  article
  any     apache hive | hiveql | hive ql | hive sql | hive metastore | hive tables
  weak    hive
  near    hadoop* | spark | pig | flume | hdfs | mapreduce | big data | sqoop | oozie | hbase | impala | kafka | presto | trino | sql | data warehous* | etl | scala | databricks | snowflake | redshift | bigquery
  not     hive of activity | bee hive | beehive | hive mind
  window  6

concept skill.flume
  label   Apache Flume
  origin  article
  any     apache flume
  weak    flume
  near    hadoop* | hive | spark | pig | hdfs | mapreduce | big data | sqoop | oozie | hbase | kafka | storm | flink | ingestion | logs | logging | log data | streaming | etl
  window  6

# ---------------------------------------------------------------- ML frameworks and libraries

concept skill.tensorflow
  label   TensorFlow
  origin  article
  any     tensorflow* | tensor flow | tf keras | tfx | tflite | tensorflow lite | tensorflow serving

concept skill.keras
  label   Keras
  origin  article
  any     keras

concept skill.scikit_learn
  label   scikit-learn
  origin  article
  any     scikit* | scikit learn | sklearn | sci kit learn

concept skill.theano
  label   Theano
  origin  article
  any     theano

concept skill.matplotlib
  label   Matplotlib
  origin  article
  any     matplotlib | pyplot | seaborn

# "Caffe" is also coffee (with or without the accent): weak, needs another
# deep-learning framework or term nearby. "caffè" never matches (accent kept).
concept skill.caffe
  label   Caffe
  origin  article
  any     caffe2 | caffe framework | bvlc caffe | caffe deep learning
  weak    caffe
  near    tensorflow* | keras | theano | pytorch | torch | mxnet | deep learning | cntk | scikit* | neural | onnx | chainer | frameworks | framework | paddlepaddle | darknet | cuda
  not     caffe latte | caffe macchiato | caffe crema | caffe mocha | caffe americano
  window  6

# ---------------------------------------------------------------- soft skills

concept soft.communication
  label   Written and verbal communication
  origin  article
  en      communication skills | communications skills | communication abilities | communication ability | communicator | communicate effectively | communicate clearly | communicate complex | communicate technical | communicating complex | communicating technical | excellent communication | strong communication | effective communication | clear communication | stakeholder communication | communication with stakeholders
  en      written and verbal communication | verbal and written communication | written and oral communication | oral and written communication | written and spoken | verbal communication | written communication | oral communication | presentation skills | storytelling
  de      kommunikationsfähig* | kommunikationsstärke | kommunikationsstark* | kommunikative* | kommunikationsgeschick | kommunikationskompetenz* | kommunikationsvermögen | schriftliche und mündliche kommunikation | mündliche und schriftliche kommunikation | schriftlichen und mündlichen kommunikation | mündlichen und schriftlichen kommunikation
  de      ausdrucksfähig* | ausdrucksvermögen | ausdrucksstark* | präsentationsfähig* | präsentationskompetenz | präsentationsstärke | sicheres auftreten | schriftlich und mündlich | mündlich und schriftlich | komplexe sachverhalte verständlich

concept soft.collaboration
  label   Interpersonal skills and collaboration
  origin  article
  en      collaborat* | teamwork | team work | team player | team players | teamplayer | interpersonal | cross functional | cross functionally | cooperative | cooperation | work closely with | working closely with | partner closely | people skills | team spirit | team oriented
  de      zusammenarbeit | zusammenarbeiten | zusammenzuarbeiten | teamfähig* | teamgeist | teamplayer | teamorientiert* | kooperativ* | kooperation* | zwischenmenschlich* | sozialkompetenz* | soziale kompetenz* | soziale fähigkeiten | interdisziplinär* | abteilungsübergreifend* | bereichsübergreifend* | hand in hand | im team | teamarbeit
