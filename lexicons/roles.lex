# The work of the roles next to the ML engineer: what data engineers, BI
# developers and software engineers are asked for and ML engineers rarely are.
# The ml-engineer profile's sections do not use these concepts (its title
# block gives two role names the value 0); the role profiles (data-engineer,
# data-scientist, software-engineer) do, so that `--roles` can say which role
# an ad reads as. Every concept here is `origin extension`.
# Format: lexicons/README.md; the editing reminders at the top of article.lex
# apply here too.

# ---------------------------------------------------------------- data engineering

concept data.pipelines
  label   Data pipelines and ETL
  origin  extension
  en      etl | elt | etl pipelines | elt pipelines | data pipeline* | data ingestion | ingestion pipelines | data integration | data flows | dataflows | batch processing | stream processing | change data capture | cdc | data loading
  de      datenpipeline* | daten pipeline* | datenstrecke* | datenintegration | datenflüsse | datenfluss | datenbewirtschaftung | datenaufbereitung | datenübernahme | schnittstellen zu quellsystemen
  any     dbt | informatica | talend | fivetran | airbyte | nifi | ssis | azure data factory | aws glue

concept data.warehouse
  label   Data warehouses and lakes
  origin  extension
  en      data warehouse* | data warehousing | dwh | data lake* | lakehouse* | data mart* | snowflake | bigquery | big query | redshift | synapse | star schema | dimensional modeling | dimensional modelling | data vault
  de      datenbank* | datenhaltung | datenplattform*

concept data.bi_reporting
  label   BI, dashboards and reporting
  origin  extension
  en      business intelligence | dashboard* | reporting | kpis | kpi | power bi | powerbi | tableau | looker | qlik* | data visualisation tools | self service bi | ms excel | microsoft excel
  de      berichtswesen | berichte | berichterstattung | kennzahlen | controlling | auswertungen | reportings | dashboards

concept data.quality_governance
  label   Data quality and governance
  origin  extension
  en      data quality | data governance | data lineage | data catalog* | master data | metadata management | data stewardship | data ownership
  de      datenqualität | data governance | stammdaten* | datenkatalog* | metadatenmanagement | datenschutzkonform*

# ---------------------------------------------------------------- software engineering

concept dev.backend
  label   Backend and APIs
  origin  extension
  en      backend | back end | rest api* | restful | apis | api design | microservice* | web services | spring boot | spring framework | node js | nodejs | django | flask | fastapi | graphql | grpc | .net core | asp.net
  de      schnittstellen* | schnittstellenentwicklung | backendentwicklung | backend entwicklung

concept dev.frontend
  label   Frontend and web
  origin  extension
  en      frontend | front end | react* | angular* | vue* | typescript | javascript | html | css | sass | web development | web applications | webapps | user interface* | ui components | responsive design
  de      webentwicklung | weboberfläche* | benutzeroberfläche* | oberflächenentwicklung

concept dev.mobile
  label   Mobile apps
  origin  extension
  en      ios | android | swift | swiftui | kotlin | objective c | flutter | react native | mobile app* | mobile development | app store
  de      mobile apps | app entwicklung | appentwicklung

concept dev.devops
  label   DevOps, CI/CD and infrastructure
  origin  extension
  en      devops | ci/cd | ci cd | continuous integration | continuous delivery | continuous deployment | terraform | ansible | puppet | jenkins | gitlab ci | github actions | infrastructure as code | iac | site reliability | sre | observability | prometheus | grafana | linux administration | system administration | on call
  de      systemadministration | infrastrukturbetrieb | betrieb der infrastruktur | rechenzentrum

concept dev.quality
  label   Software quality and testing
  origin  extension
  en      unit test* | integration test* | test automation | automated testing | test driven | tdd | clean code | code review* | code quality | software architecture | design patterns | object oriented | solid principles | pair programming | scrum | agile
  de      testautomatisierung | softwaretest* | softwarequalität | softwarearchitektur | objektorientiert* | entwurfsmuster | agil* | scrum

concept dev.languages
  label   General-purpose and web languages
  origin  extension
  en      c# | golang | go lang | rust | php | ruby | rails | typescript | kotlin | swift | perl | cobol | abap | embedded c
  de      programmiersprachen

# ---------------------------------------------------------------- data science

concept ds.business_analytics
  label   Business analytics and insight
  origin  extension
  en      business insights | actionable insights | data driven decisions | data driven decision making | analytics | analytical skills | customer analytics | marketing analytics | product analytics | pricing | price optimisation | price optimization | revenue management | churn | customer lifetime value | customer segmentation | market segmentation | marketing mix model* | attribution model* | econometric* | operations research
  de      analysen | datenanalyse* | datengetrieben* | handlungsempfehlungen | preisgestaltung | preisoptimierung | kundensegmentierung | kundenanalyse* | marktanalyse* | absatzprognose* | ökonometri* | operations research

# ---------------------------------------------------------------- role names (for titles)

concept role.data_engineer
  label   Data engineer (the role's name)
  origin  extension
  en      data engineer* | data engineering | etl developer* | bi developer* | dwh developer* | analytics engineer* | data platform engineer* | big data engineer* | data warehouse engineer* | database developer*
  de      dateningenieur* | datenbankentwickler* | etl entwickler* | bi entwickler* | dwh entwickler* | data warehouse entwickler*

concept role.data_analyst
  label   Data or business analyst (the role's name)
  origin  extension
  en      data analyst* | business analyst* | bi analyst* | reporting analyst* | analytics manager* | insights analyst* | business intelligence analyst*
  de      datenanalyst* | datenanalytiker* | bi berater* | controller*

concept role.software_engineer
  label   Software engineer (the role's name)
  origin  extension
  en      software engineer* | software developer* | backend engineer* | backend developer* | frontend engineer* | frontend developer* | full stack engineer* | full stack developer* | fullstack* | web developer* | mobile developer* | ios developer* | android developer* | devops engineer* | site reliability engineer* | platform engineer* | programmer*
  de      softwareentwickler* | software entwickler* | softwareingenieur* | anwendungsentwickler* | webentwickler* | programmierer* | informatiker* | fachinformatiker*

# Jobs that are not engineering or data work, named in titles that also name
# AI or data science as the product, the tool or the market: "Technical
# Product Owner AI Platform", "Founding Agentic Growth Marketer", "AI Product
# Manager", "Content Creator (Generative AI)". For
# titles only (the ml-engineer profile's title block gives it the value 0).
# A consultant is not here: "AI Consultant / ML Engineer" is ML work.
concept role.other_job
  label   Product, project, innovation, marketing, content, sales, recruiting, teaching or writing job (the role's name)
  origin  extension
  en      content creator* | content creation | content manager* | copywriter* | content writer* | innovation manager* | transformation manager* | change manager* | product owner* | product manager* | project manager* | program manager* | programme manager* | marketing manager* | marketing director* | marketing specialist* | marketing lead | head of marketing | growth marketer* | marketer* | content marketing | product marketing | sales manager* | sales engineer* | sales associate* | sales representative* | account executive* | account manager* | recruiter* | talent acquisition | developer advocate* | developer relations | technical writer* | lecturer* | teacher* | instructor* | faculty
  de      innovationsmanager* | transformationsmanager* | produktmanager* | produkt manager* | produktverantwortlich* | projektmanager* | projekt manager* | marketingmanager* | marketing manager* | vertriebsingenieur* | vertriebsmitarbeiter* | vertriebsleiter* | recruiter* | personalreferent* | dozent* | lehrkraft* | lehrkräfte | redakteur*
