\bmachine[ -]learning\b
\bML\b
\bmaschinell\w* lern\w*
\bmaschinenlern\w*
\b(un)?supervised learning\b
\bpredictive model\w*
\bvorhersagemodell\w*
\bprognosemodell\w*
\bdeep[ -]learning\b
\bneural net\w*
\bneuronale\w* netz\w*
\bartificial intelligence\b
\bk(?:u|\xC3\xBC)nstliche\w* intelligenz\b
\bAI\b
\bKI\b
\bdata scien\w*
\bdata scientist\w*
\bLLMs?\b
\blarge language models?\b
\bgenerative AI\b
\bgen ?AI\b
\bprompt engineering\b
\bRAG\b
\bretrieval[ -]augmented\b
\btransformers?\b
\bnatural language processing\b
\bNLP\b
\btext mining\b
\bcomputer vision\b
\bbildverarbeitung\b
\bimage recognition\b
\bobject detection\b
\breinforcement learning\b
\brecommender systems?\b
\brecommendation engines?\b
\bempfehlungssystem\w*
\branking models?\b
\bforecasting\b
\btime[ -]series\b
\bzeitreihen\w*
\bprognose\w*
\bprototyp\w*
\bproof of concept\b
\bPoCs?\b
\bproductioni[sz]\w*
\binto production\b
\bin produktion\b
\bproduktivsetzung\b
\bML systems?\b
\bML[ -]pipelines?\b
\bML[ -]plattform\w*
\bML[ -]platforms?\b
\bsystem design\b
\bsystemarchitektur\w*
\bhyperparameter\w*
\bfine[ -]tun\w*
\bmodel tuning\b
\bmodelloptimierung\b
\bA/B[ -]test\w*
\bexperimentation\b
\bdatasets?\b
\bdata sets?\b
\bdatens(?:a|\xC3\xA4)tz\w*
\btrainingsdaten\b
\btraining data\b
\bdata labell?ing\b
\bannotation\b
\btrain\w* models?\b
\bmodel training\b
\bmodelltraining\b
\bretrain\w*
\btrainier\w*
\bML frameworks?\b
\bopen[ -]source\b
\bML applications?\b
\bML[ -]anwendung\w*
\bKI[ -]anwendung\w*
\balgorithm\w*
\balgorithmen\b
\bbenchmark\w*
\bevaluat\w* models?\b
\bmodel evaluation\b
\bexploratory data analysis\b
\bEDA\b
\bdata exploration\b
\bdatenanalyse\b
\bdata analysis\b
\bvisuali[sz]\w*
\bdistribution shift\b
\bdata drift\b
\bconcept drift\b
\bdrift\b
\bcomputer science\b
\binformatik\b
\bmathemati\w*
\bstatisti\w*
\bphysi[ck]\w*
\bmaster'?s? degree\b
\bmaster\b
\bbachelor\b
\bPhD\b
\bpromotion\b
\bstudium\b
\bdegree\b
\blinear algebra\b
\blineare algebra\b
\bcalculus\b
\banalysis\b
\bbayes\w*
\bprobabilistic\b
\bprobability\b
\bwahrscheinlichkeit\w*
\bdescriptive statistics\b
\bdeskriptive statistik\b
\bregression\b
\bhypothes\w*
\boptimi[sz]ation\b
\boptimierung\b
\bdata model\w*
\bdatenmodell\w*
\bdata architecture\b
\bdatenarchitektur\b
\bdata warehouse\w*
\bdata lake\w*
\bETL\b
\bdata pipelines?\b
\bdatenpipeline\w*
\bdata engineering\b
\bpython\b
\bR\b
\bRStudio\b
\bjava\b
\bC\+\+
\bC/C\+\+
\bhadoop\b
\bHDFS\b
\bMapReduce\b
\bspark\b
\bpyspark\b
\bpig\b
\bhive\b
\bflume\b
\btensorflow\b
\bkeras\b
\bscikit[ -]learn\b
\bsklearn\b
\btheano\b
\bmatplotlib\b
\bseaborn\b
\bplotly\b
\bcaffe\b
\bpytorch\b
\btorch\b
\bxgboost\b
\blightgbm\b
\bcatboost\b
\bgradient boosting\b
\brandom forests?\b
\bhugging ?face\b
\bnumpy\b
\bpandas\b
\bscipy\b
\bJAX\b
\bONNX\b
\bTensorRT\b
\btriton\b
\bCUDA\b
\bGPUs?\b
\bMLflow\b
\bkubeflow\b
\bweights (and|&) biases\b
\bMLOps\b
\bsagemaker\b
\bvertex AI\b
\bazure ML\b
\bAWS\b
\bGCP\b
\bazure\b
\bSQL\b
\bpostgres\w*
\bscala\b
\bkafka\b
\bstreaming\b
\bflink\b
\bairflow\b
\bdagster\b
\bprefect\b
\bdatabricks\b
\bsnowflake\b
\bkubernetes\b
\bk8s\b
\bdocker\b
\bcontainer\w*
\bdeploy\w*
\bdeployment\b
\bmodel serving\b
\bbereitstell\w*
\bmonitoring\b
\bobservability\b
\bfeature engineering\b
\bfeature stores?\b
\bmerkmals\w*
\bCI/CD\b
\bgit\b
\bcommunication\b
\bkommunikation\w*
\bteam ?work\b
\bteamf(?:a|\xC3\xA4)hig\w*
\bteamplayer\b
\bcollaborat\w*
\bzusammenarbeit\b
\bstakeholder\w*
