# Modern equivalents that real postings use for what the 2019 article names
# (PyTorch for Caffe/Theano, MLflow and Kubernetes for the ML platform, LLMs
# for "AI"). Every concept here is `origin extension`. Format: lexicons/README.md;
# the editing reminders at the top of article.lex apply here too.

# ---------------------------------------------------------------- ML core

concept core.deep_learning
  label   Deep learning
  origin  extension
  en      deep learning | neural network* | neural net | neural nets | convolutional | rnn | rnns | lstm* | autoencoder* | generative adversarial | gans | diffusion models | diffusion model | backpropagation | attention mechanism* | graph neural network* | gnn | gnns
  de      tiefes lernen | tiefem lernen | tiefen lernens | neuronal* netz* | neuronale netzwerke | künstliche neuronale netze
  # CNN is also the news network
  weak    cnn | cnns
  near    neural | deep learning | convolutional | network | networks | netz* | image* | bild* | vision | pytorch* | tensorflow* | keras | rnn* | lstm* | transformer* | model | models | modell | modelle | architecture* | architektur*
  window  6

concept core.ai
  label   Artificial intelligence (AI / KI)
  origin  extension
  en      ai | a i | artificial intelligence
  de      ki | künstliche* intelligenz | künstlicher intelligenz
  # French "j'ai" in the few French postings of the corpus
  not     j ai | n ai | l ai | qu ai

# The name ML engineering goes by in titles since the LLM era: "AI Engineer",
# "Applied AI Engineer", "KI-Entwickler:in". For titles only (the ml-engineer
# profile's title block); in a body, "AI engineers" is any team's blurb.
concept core.ai_engineer
  label   AI engineer (the role's name)
  origin  extension
  en      ai engineer* | ai developer* | ai software engineer* | ai research engineer* | ai researcher* | ai scientist*
  de      ki engineer* | ki entwickler* | ki ingenieur* | ki softwareentwickler* | ki forscher*

concept core.data_science
  label   Data science
  origin  extension
  en      data science | data scientist* | ds/ml | ml/ds
  de      datenwissenschaft* | datenwissenschaftler*

concept core.llm
  label   LLMs and generative AI
  origin  extension
  en      generative technolog* | llm* | large language model* | multi agent* | agent workflows | agentic workflows | prompt strategies | language model* | foundation model* | generative ai | gen ai | genai | generative models | gpt* | chatgpt | openai | anthropic | llama* | langchain | langgraph | llamaindex | llama index | dspy | vllm
  en      retrieval augmented generation | retrieval augmented | prompt engineering | prompt design | prompt tuning | prompting | fine tuning llms | fine tuning of llms | llm fine tuning | rlhf | qlora | peft | ai agents | ai agent | agentic | vector database* | vector store* | vector search | embeddings | semantic search | transformer models | transformer architecture* | transformer based
  de      große* sprachmodell* | großen sprachmodell* | sprachmodell* | *sprachmodelle | generative* ki | generativer ki | ki agent* | agentische* | agenten workflows | multi agenten* | vektordatenbank* | vektor datenbank* | prompt strategien | promptentwicklung | prompt entwicklung
  # generative image and video models, and the prompt engineer who works with them
  en      prompt engineer* | image generation | video generation | text to image | text to video | stable diffusion | midjourney | generative image* | generative video* | inpainting | outpainting | controlnet | image to image | img2img
  de      generative* bild* | generative* video* | bildgenerierung | videogenerierung | prompts erstellen | prompts entwickeln | prompt erstellung | semantische suche | vektorsuche
  weak    rag | transformer | transformers
  near    llm* | retrieval | vector* | embedding* | genai | generative | langchain | llamaindex | prompt* | chatbot* | semantic | knowledge base* | gpt* | language model* | sprachmodell* | nlp | bert | attention | hugging face | huggingface | pytorch | deep learning | neural | pipelines | agent* | ai | ki
  not     rag status | rag rating | red amber green
  window  6

concept core.nlp
  label   Natural language processing
  origin  extension
  en      nlp | natural language processing | natural language understanding | natural language generation | nlu | nlg | computational linguistics | text mining | text classification | named entity recognition | entity extraction | information extraction | sentiment analysis | speech recognition | speech to text | text to speech | spacy | nltk | machine translation | question answering
  en      automatic speech recognition | speaker diarization | speaker diarisation | speaker recognition | speaker verification | speech synthesis | speech processing | spoken language understanding | voice recognition
  de      automatische spracherkennung | sprachsynthese | sprechererkennung | sprachsignalverarbeitung
  # ASR is also the German workplace rules (Arbeitsstättenregeln, "ASR A1.3")
  weak    asr
  near    speech | audio | spoken | voice | dialect* | sprach* | speaker* | whisper | transcription | tts | acoustic | nlp | neural | models | modelle
  window  6
  de      sprachverarbeitung | verarbeitung natürlicher sprache | computerlinguistik | textanalyse | textklassifikation | textklassifizierung | spracherkennung | sentimentanalyse* | sentiment analyse* | intenterkennung | maschinelle übersetzung | informationsextraktion

concept core.computer_vision
  label   Computer vision
  origin  extension
  en      computer vision | machine vision | image data | image processing | image recognition | image classification | image segmentation | semantic segmentation | instance segmentation | object detection | object tracking | pose estimation | opencv | ocr | optical character recognition | 3d vision | visual perception
  de      maschinelles sehen | bildverarbeitung | bilddaten | bilderkennung | bildanalyse | bildklassifikation | bildklassifizierung | objekterkennung | objektdetektion | bildsegmentierung | texterkennung

concept core.reinforcement_learning
  label   Reinforcement learning
  origin  extension
  en      reinforcement learning | deep reinforcement learning | multi armed bandit* | contextual bandit* | policy gradient* | q learning
  de      bestärkende* lernen | bestärkendes lernen | verstärkende* lernen | verstärkendes lernen

concept core.recommender_systems
  label   Recommender and ranking systems
  origin  extension
  en      recommender system* | recommendation system* | recommendation engine* | recommender engine* | recommendation models | recommendations engine | personalization models | learning to rank | search ranking | ranking models
  de      empfehlungssystem* | empfehlungsmaschine* | empfehlungsalgorithm* | empfehlungsmodell*

# The modelling of data-science ads that never say "machine learning":
# statistical, econometric and predictive models, data mining, forecasts,
# scoring and customer models (churn, propensity, uplift, marketing mix).
concept core.statistical_modelling
  label   Statistical and predictive modelling
  origin  extension
  en      statistical model* | statistical modeling | statistical modelling | predictive analytics | predictive modeling | predictive modelling | predictive analyses | data mining | econometric model* | econometric modeling | econometric modelling | forecasting methods | probabilistic forecast* | credit scoring | scoring models | risk models | risk modelling | risk modeling | propensity model* | churn model* | churn prediction | uplift model* | marketing mix model* | media mix model* | survival analysis | survival models
  en      prediction model* | demand prediction | demand forecast* | data science model* | analytical models
  de      statistisch* modell* | statistische modellierung | prädiktiv* analy* | prädiktiv* modell* | data mining | ökonometrisch* modell* | prognoseverfahren | prognosemethoden | prognosen erstellen | prognosen zu erstellen | absatzprognose* | nachfrageprognose* | umsatzprognose* | scoringmodell* | scoring modell* | risikomodell* | kündigerprognose* | churn modell* | ereigniszeitanalyse* | überlebenszeitanalyse*
  de      vorhersage* | nachfragevorhersage* | bedarfsprognose* | data science modell* | analysemodell*

concept core.time_series_forecasting
  label   Forecasting and time-series models
  origin  extension
  en      time series forecasting | time series models | time series modeling | time series modelling | forecasting models | demand forecasting | anomaly detection | fraud detection models
  de      zeitreihenanalyse* | zeitreihenprognose* | zeitreihenmodell* | prognosemodelle | anomalieerkennung | betrugserkennung

# ---------------------------------------------------------------- ML frameworks and tooling

concept skill.pytorch
  label   PyTorch
  origin  extension
  any     pytorch* | py torch | torchvision | torchaudio | libtorch | pytorch lightning | torchserve
  weak    torch
  near    tensorflow* | keras | jax | deep learning | python* | cuda | neural | frameworks | framework | scikit* | onnx
  window  6

concept skill.xgboost
  label   Tree ensembles and gradient boosting (XGBoost, LightGBM, CatBoost)
  origin  extension
  any     xgboost | lightgbm | light gbm | catboost | gradient boosting | gradient boosted* | boosted trees | gbdt | gbm | random forest* | random forests
  de      gradient boosting | entscheidungsbäume | entscheidungsbaum*

concept skill.huggingface
  label   Hugging Face
  origin  extension
  any     hugging face | huggingface | hf transformers | transformers library | sentence transformers | hugging face transformers

concept skill.numpy_pandas
  label   NumPy, pandas, SciPy
  origin  extension
  any     numpy | pandas | scipy | polars | statsmodels

concept skill.jax
  label   JAX
  origin  extension
  any     jax | flax | optax

concept skill.onnx_tensorrt
  label   Model optimisation runtimes (ONNX, TensorRT, Triton)
  origin  extension
  any     onnx* | tensorrt | openvino | triton inference server | model quantization | model quantisation | quantized models | quantization aware training | int8 quantization | model compression | model distillation | knowledge distillation
  de      quantisierung von modellen | modellkompression

concept skill.cuda
  label   GPU programming (CUDA)
  origin  extension
  any     cuda | cudnn | nccl | gpu programming | gpu computing | gpu kernels | gpu cluster* | gpu training | multi gpu | gpus
  de      gpu programmierung

concept skill.mlflow
  label   MLOps tooling (MLflow, Kubeflow, W&B)
  origin  extension
  any     mlflow | kubeflow | weights and biases | weights biases | wandb | w&b | dvc | kserve | seldon* | bentoml | ray serve | metaflow | zenml | feast feature store | neptune ai | comet ml | clearml | evidently ai | experiment tracking | model registry | modellregistr*

concept skill.cloud_ml
  label   Cloud ML platforms (SageMaker, Vertex AI, Azure ML)
  origin  extension
  any     sagemaker | sage maker | vertex ai | vertexai | azure ml | azure machine learning | azureml | amazon bedrock | aws bedrock | azure openai | azure ai | google ai platform | azure cognitive services | amazon comprehend | amazon rekognition | watsonx | databricks ml | mosaic ai

# ---------------------------------------------------------------- programming and data infrastructure

concept skill.sql
  label   SQL
  origin  extension
  any     sql | mysql | postgresql | postgres | sqlite | tsql | t sql | plsql | pl sql | mssql | sql server | spark sql | sparksql

concept skill.scala
  label   Scala
  origin  extension
  any     scala
  not     la scala

concept skill.kafka
  label   Kafka and streaming
  origin  extension
  any     kafka | apache kafka | confluent | flink | apache flink | kinesis | pulsar | apache beam
  not     franz kafka

concept skill.airflow
  label   Workflow orchestration (Airflow)
  origin  extension
  any     apache airflow | dagster | prefect | argo workflows
  weak    airflow
  near    python* | dag* | pipeline* | orchestrat* | etl | elt | spark | dbt | workflow* | kafka | data engineer* | sql | databricks | snowflake | bigquery | kubernetes | docker | mlflow | kubeflow
  not     airflow management | airflow systems
  window  6

concept skill.databricks
  label   Databricks
  origin  extension
  any     databricks | delta lake | unity catalog | mosaicml

concept skill.kubernetes
  label   Kubernetes
  origin  extension
  any     kubernetes | k8s | openshift | eks | gke | aks | helm chart*

concept skill.docker
  label   Docker and containers
  origin  extension
  any     docker* | containeriz* | containeris* | containerisier* | podman | container orchestration

# ---------------------------------------------------------------- duties

concept duty.deploy_models
  label   Deploy and serve models (MLOps)
  origin  extension
  en      mlops | ml ops | llmops | llm ops | modelops | model ops | model deployment | model deployments | deploy models | deploying models | deployment of models | deployment of ml models | deploy ml models | deploying ml models | deploy machine learning models | deploying machine learning models
  en      model serving | serve models | serving models | model inference | inference pipeline* | inference service* | inference server* | inference endpoints | inference latency | real time inference | batch inference | inference at scale | online inference | low latency inference
  de      modellbereitstellung | bereitstellung von modellen | bereitstellung von ml modellen | bereitstellung von ki modellen | deployment von modellen | deployment von ml modellen | deployment von ki modellen | modelle deployen | modelle zu deployen | modelle bereitstellen | modelle bereitzustellen | inferenz | inferenzpipeline* | inferenzdienst* | inferenzserver* | inferenzzeit* | betrieb von ml modellen | betrieb von ki modellen | betrieb von modellen | betrieb der modelle
  en      ship models | shipping models | ship ml models | ship machine learning models
  # "inference" alone is serving models; the statistician's kinds are not
  en      inference | agents in production | llms in production | llm in production | ai agents in production
  weak    deploy* | serve | serving | bereitstell* | bereitzustellen | ausroll*
  near    model | models | modell | modells | modelle | modellen | sprachmodell* | vorhersagemodell* | prognosemodell* | llm* | ml | classifier* | klassifikator* | neural | embedding*
  not     role model* | data model* | datenmodell* | business model* | geschäftsmodell* | operating model*
  not     statistical inference | causal inference | bayesian inference | variational inference | approximate inference | inferential statistics | probabilistic inference | inference statistics
  window  3

concept duty.monitor_models
  label   Monitor models in production
  origin  extension
  en      model monitoring | monitor models | monitoring models | monitoring of models | monitoring ml models | model performance monitoring | model observability | ml observability | ml monitoring | llm observability | llm monitoring | model drift | model decay | model degradation | retraining triggers | drift metrics | drift monitoring
  de      modellüberwachung | modell monitoring | monitoring von modellqualität | monitoring der modellqualität | überwachung der modellleistung | überwachung der modellqualität | überwachung von modellen | überwachung der modelle | monitoring von modellen | monitoring von ml modellen | monitoring von ki modellen | modelle überwachen | modelle zu überwachen | modellperformance überwachen
  weak    monitor | monitors | monitoring | monitored | überwach* | observability
  near    model | models | modell | modells | modelle | modellen | sprachmodell* | vorhersagemodell* | prognosemodell* | modellqualität | modellgüte | modellleistung | modellperformance | model performance | model quality | ml | machine learning | llm* | drift | predictions | vorhersagen
  not     role model* | data model* | datenmodell* | business model*
  window  4

concept duty.feature_engineering
  label   Feature engineering
  origin  extension
  en      feature engineering | features engineering | feature store | feature stores | feature extraction | feature selection | feature pipelines | feature pipeline | feature engineering pipelines | feature generation | feature importance
  de      merkmalsextraktion | merkmalsauswahl | featureengineering | merkmalsgenerierung

# Research positions in ML: academic ads (PhD, postdoc, professorship,
# wissenschaftliche:r Mitarbeiter:in, research groups) say "Promotion",
# "Forschung", "publish", not the industry's duties. The position and
# research words count only next to an ML field, so a PhD in fluid dynamics
# or a research group in wastewater treatment does not fire.
concept duty.academic_research
  label   Academic research in ML (PhD, postdoc, research group, publishing)
  origin  extension
  en      machine learning group | machine learning lab | ml group | ml lab | ml research group | nlp group | nlp lab | ai research group | phd in machine learning | postdoc in machine learning | doctoral research in machine learning
  de      forschungsgruppe maschinelles lernen | promotion im bereich maschinelles lernen | promotion im bereich ki | promotionsstelle ki | ki forschungsgruppe
  weak    phd | phds | ph d | doctoral | doctorate | postdoc* | post doc | post docs | postdoctoral | professorship* | professor | faculty position* | research associate* | research assistant* | research group* | research lab | research labs | research centre | research center | research topics | research projects | publish | publishing | publications | peer reviewed | top venues | top tier conferences | thesis | dissertation
  weak    doktorand* | promotion | promovier* | promotionsstelle* | promotionsvorhaben | wissenschaftlich* mitarbeiter* | wissenschaftlich* hilfskr* | professur | lehrstuhl | forschungsgruppe* | arbeitsgruppe | forschungsprojekt* | forschungsbereich* | forschungsthemen | publizier* | veröffentlichungen | publikation* | dissertation | abschlussarbeit* | bachelorarbeit* | masterarbeit*
  near    machine learning | ml | maschinell* lern* | deep learning | neural network* | neuronal* netz* | nlp | natural language processing | computational linguistics | computerlinguistik | sprachverarbeitung | speech recognition | spracherkennung | asr | computer vision | artificial intelligence | ai | ki | künstlich* intelligenz | data science | llm* | language model* | sprachmodell* | reinforcement learning | representation learning | generative ai
  window  10

concept duty.experimentation
  label   Experimentation and A/B testing of models
  origin  extension
  en      a/b testing | a/b tests | a/b test | ab testing | online experiments | online experimentation | experimentation platform | causal inference | uplift modeling | uplift modelling
  de      a/b tests | a/b testing | a/b testverfahren | kausale inferenz

# ---------------------------------------------------------------- mathematics and statistics

concept math.statistics
  label   Statistics and statistical modelling
  origin  extension
  en      statistics | statistical* | statistician* | stochastic* | hypothesis testing | significance testing | regression analysis | linear regression | logistic regression | regression models | generalized linear models | glm | glms | econometric* | time series analysis | inferential statistics | statistical inference
  de      statistik* | *statistik | *statistiken | statistisch* | stochastik | stochastisch* | hypothesentest* | signifikanztest* | regressionsanalyse* | regressionsmodell* | lineare regression | logistische regression | ökonometri* | zeitreihenanalyse* | inferenzstatistik | schließende statistik
  not     bureau of labor statistics | labor statistics | statistics canada | office for national statistics | statistisches bundesamt | destatis

concept math.probability
  label   Probability theory
  origin  extension
  en      probability | probabilities | probability theory | probabilistic | probability distributions | stochastic processes | markov* | monte carlo
  de      wahrscheinlichkeitsrechnung | wahrscheinlichkeitstheorie | wahrscheinlichkeitsverteilung* | stochastische prozesse | probabilistisch* | markov* | monte carlo

concept math.optimization
  label   Mathematical optimisation
  origin  extension
  en      convex optimization | convex optimisation | numerical optimization | numerical optimisation | mathematical optimization | mathematical optimisation | optimization theory | gradient descent | stochastic gradient descent | operations research | linear programming | integer programming | combinatorial optimization | numerical methods | numerical analysis
  de      numerische optimierung | mathematische optimierung | konvexe optimierung | gradientenverfahren | gradientenabstieg | operations research | lineare optimierung | ganzzahlige optimierung | kombinatorische optimierung | numerik | numerische mathematik | numerische methoden
