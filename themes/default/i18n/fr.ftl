# Messages du thème par défaut, en français.

## Cadre du site et navigation

nav-skip = Aller au contenu principal
nav-home = Accueil
nav-all-careers = Tous les métiers
nav-compare = Comparer

## Listes

list-careers = { $count ->
    [one] { $count } métier
   *[other] { $count } métiers
}

## En-tête, recherche et pied de page

nav-menu = Menu<span class="visually-hidden"> et recherche</span>
nav-site-label = Site
nav-categories = Catégories
nav-industries = Secteurs
nav-education = Formation
nav-breadcrumb = Fil d’Ariane
nav-footer-label = Pied de page
search-label = Rechercher un métier
search-button = Rechercher
feed-link-title = { $site } : fiches mises à jour récemment
feed-footer-link = Flux des fiches mises à jour récemment

## Fiche métier

guide-also-called = Autres appellations : { $titles }
guide-soc-code = Code <abbr title="Classification type des professions des États-Unis (SOC, selon le sigle anglais)">SOC</abbr> <span class="code">{ $code }</span>
guide-onet-code = Code O*NET-SOC <span class="code">{ $code }</span>
guide-toc = Sur cette page
guide-quick-facts = En bref
guide-what-they-do = Missions
guide-work-environment = Conditions de travail
guide-how-to-become-one = Comment y accéder
guide-pay = Rémunération
guide-pay-by-state = Rémunération par État
guide-job-outlook = Perspectives d’emploi
guide-career-path = Évolution de carrière
guide-similar-occupations = Métiers proches
guide-advice = Conseils
guide-faq = Questions et réponses
guide-more = En savoir plus sur le métier
guide-sources = Sources
guide-last-reviewed = Dernière mise à jour : <time datetime="{ $datetime }">{ $date }</time>
guide-duties-intro = Les principales missions sont les suivantes :
guide-where-they-work = Lieux de travail
guide-industries = Secteurs d’activité
guide-largest-employers = Principaux employeurs
guide-industry = Secteur
guide-share-of-jobs = Part des emplois
guide-work-schedules = Horaires de travail
guide-travel = Déplacements
guide-education = Formation
guide-typical-education = Niveau de formation habituel à l’embauche :
guide-fields-of-study = Filières d’études courantes
guide-skills = Compétences clés
guide-credentials = Autorisations et certifications
guide-credential-required = obligatoire
guide-credential-not-required = facultative
guide-experience-and-training = Expérience et formation
guide-work-experience = Expérience professionnelle dans un métier proche
guide-training = Formation habituelle en poste
pay-headline = Salaire médian : <strong>{ $amount }</strong> { $period }
pay-caption = Rémunération { $period }
pay-level = Niveau de salaire
pay-amount = Montant
pay-note-percentiles = Les montants sont des centiles de salaire. Le salaire médian partage les personnes exerçant le métier en deux moitiés : l’une gagne plus, l’autre moins ; 10 % gagnent moins que le 1er décile et 10 % gagnent plus que le 9e décile.
pay-note-top-coded = Le montant le plus élevé est plafonné : la source indique seulement qu’il atteint au moins cette somme.
source-line = Source :
source-license = Licence : { $license }
source-accessed = Consulté le <time datetime="{ $datetime }">{ $date }</time>
outlook-growth = Évolution prévue
outlook-growth-in = Évolution prévue, { $period }
outlook-average-growth = Évolution moyenne, tous métiers confondus
outlook-employment = Nombre d’emplois
outlook-employment-change = Variation de l’emploi
outlook-employment-change-in = Variation de l’emploi, { $period }
outlook-openings = Postes à pourvoir par an, en moyenne
similar-suggested = Métiers de la même catégorie, des mêmes secteurs ou aux compétences proches.
similar-caption = Métiers proches de { $title }
similar-occupation = Métier
similar-summary = Résumé du métier
similar-education = Niveau de formation habituel
similar-median-pay = Salaire médian
facts-caption = En bref : { $title }
facts-source-label = Source { $marker } : { $name }

## Accueil, listes et pagination

home-search-label = Rechercher parmi { $count ->
    [one] { $count } métier
   *[other] { $count } métiers
} par intitulé, compétence ou code métier
home-browse-by-category = Parcourir par catégorie
home-featured = Métiers à la une
home-recent = Métiers mis à jour récemment
home-browse = Parcourir les métiers
home-all-careers-note =  : un tableau avec salaires, perspectives et formation
home-compare = Comparer des métiers côte à côte
home-latest-advice = Derniers conseils
home-all-of = Tout { $section }
list-empty = Aucune fiche métier n’a encore été publiée.
all-careers-lead = Tous les métiers du guide avec leur rémunération, leurs perspectives d’emploi et le niveau de formation habituel à l’embauche. Sélectionnez un en-tête de colonne pour trier les métiers, filtrez-les ci-dessous ou <a href="{ $compare }">comparez des métiers côte à côte</a>.
all-careers-chart-caption = Métiers selon le salaire médian, { $period }
list-entry-pay = Salaire de début
list-top-pay = Salaire le plus élevé
list-growth = Évolution
list-caption-page = { $name }, page { $number } sur { $total }
list-no-groups = Aucun métier n’est encore classé de cette façon. Voir <a href="{ $href }">tous les métiers</a>.
list-all-occupations = Tous les métiers
list-not-available = non disponible
filters-label = Filtrer les métiers
filters-title = L’intitulé contient
filters-category = Catégorie
filters-any-category = Toutes catégories
filters-any-education = Toutes formations
filters-pay = Salaire médian ({ $symbol } { $period })
filters-from = De
filters-to = À
filters-submit = Afficher les métiers
filters-reset = Effacer les filtres
figures-pay-in = Rémunération ({ $region })
figures-sources = Sources :
figures-unnamed = d’après la fiche, sans source citée
figures-count = { $count } métiers sur { $of }
pagination-label = Pagination
pagination-careers = métiers
pagination-status = Page { $number } sur { $total }<span class="pagination__range"> : { $noun } { $first } à { $last } sur { $items }</span>
pagination-page-lower = page { $number } sur { $total }
pagination-first = Première<span class="visually-hidden"> page</span>
pagination-previous = Précédente<span class="visually-hidden"> page</span>
pagination-next = Suivante<span class="visually-hidden"> page</span>
pagination-last = Dernière<span class="visually-hidden"> page</span>
pagination-number = <span class="visually-hidden">Page </span>{ $number }
error404-title = Page introuvable
error404-lead = Désolés, cette page est introuvable. Elle a peut-être été déplacée, ou l’adresse contient une erreur.
error404-home = Aller à l’accueil de { $site }
error404-search = Rechercher un métier

## Comparateur, recherche, conseils et codes courts

compare-title = Comparer des métiers
compare-lead = Placez deux à quatre métiers côte à côte : rémunération, perspectives d’emploi, nombre d’emplois, formation et apprentissage nécessaires.
compare-no-script = La comparaison de métiers nécessite JavaScript. Sans lui, le <a href="{ $href }">tableau de tous les métiers</a> indique la rémunération, les perspectives et la formation de chacun, et la fiche de chaque métier en donne tous les détails.
compare-openings = Postes à pourvoir par an
compare-source-home-pay = Rémunération dans l’État de référence
compare-source-education = Formation et apprentissage
search-page-label = Rechercher par intitulé, compétence, filière, secteur ou code métier
search-no-script = La recherche nécessite JavaScript. Parcourez plutôt <a href="{ $root }all-careers/">tous les métiers</a> ou par <a href="{ $root }categories/">catégorie</a>, <a href="{ $root }industries/">secteur</a> ou <a href="{ $root }education/">formation</a>.
advice-browse-by-topic = Parcourir par thème
advice-feed = Flux des nouveaux articles
advice-topics = Thèmes
advice-topics-label = Thèmes :
advice-byline = Par { $author } · <time datetime="{ $datetime }">{ $date }</time>
advice-updated = Mis à jour le <time datetime="{ $datetime }">{ $date }</time>
advice-related-careers = Métiers concernés par ce conseil
advice-for = Conseils : { $title }
advice-topics-title = { $section } : thèmes
advice-topics-description = Tous les thèmes de { $section }, avec le nombre d’articles de chacun.
advice-topic-description = Articles de { $section } sur le thème { $topic }, du plus récent au plus ancien.
pagination-articles = articles
list-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
callout-tip = Astuce
callout-warning = Attention
callout-note = Remarque
facts-figcaption = En bref : <a href="{ $href }">{ $title }</a>
states-map-caption = Salaire médian { $period } par État : la barre de chaque État croît avec sa médiane.
states-map-caption-as-of = Salaire médian { $period } par État, { $date } : la barre de chaque État croît avec sa médiane.
states-map-dashed = États en pointillés : aucun chiffre publié.
states-every-state = Rémunération dans chaque État
states-table-caption = Rémunération { $period } par État
states-state = État
states-median = Médiane
states-p10 = 1er décile
states-p90 = 9e décile
states-employment = Emploi
states-not-published = Non publié
states-tile-not-published = non publié
states-home-median = Salaire médian ({ $state })
states-home-median-as-of = Salaire médian ({ $state }, { $date })
states-map-title = Salaire médian { $period } par État pour { $title } : la barre de chaque État croît avec sa médiane ; les États en pointillés n’ont pas de chiffre publié. Tous les chiffres figurent dans le tableau « { $table } ».

## Vocabulaires et chiffres rédigés par careergen

education-no_formal_credential = Aucun diplôme requis
education-high_school = Diplôme de fin d’études secondaires ou équivalent
education-postsecondary_nondegree = Certificat postsecondaire non universitaire
education-some_college = Études supérieures sans diplôme
education-associates = Diplôme d’études supérieures en deux ans
education-bachelors = Licence (quatre ans d’études supérieures)
education-masters = Master
education-doctoral_or_professional = Doctorat ou diplôme professionnel
education-varies = Variable
experience-none = Aucune
experience-less_than_5_years = Moins de 5 ans
experience-5_years_or_more = 5 ans ou plus
experience-varies = Variable
training-none = Aucune
training-short_term = Formation en poste de courte durée
training-moderate_term = Formation en poste de durée moyenne
training-long_term = Formation en poste de longue durée
training-apprenticeship = Apprentissage
training-internship_residency = Stage ou internat
training-varies = Variable
credential-license = Autorisation d’exercer
credential-certification = Certification
credential-registration = Inscription
growth-much_faster_than_average = Bien plus rapide que la moyenne
growth-faster_than_average = Plus rapide que la moyenne
growth-as_fast_as_average = Dans la moyenne
growth-slower_than_average = Plus lente que la moyenne
growth-little_or_no_change = Stable ou presque
growth-decline = En baisse
pay-per-year = par an
pay-per-month = par mois
pay-per-week = par semaine
pay-per-day = par jour
pay-per-hour = de l’heure
pay-amount-per = { $amount } { $period }
pay-or-more = { $amount } ou plus
pay-entry = Début de carrière
pay-p10 = 1er décile
pay-p25 = 1er quartile
pay-median = Médiane
pay-p75 = 3e quartile
pay-p90 = 9e décile
pay-top = Salaires les plus élevés
facts-median-pay = Salaire médian
facts-median-pay-as-of = Salaire médian ({ $date })
facts-median-pay-of = Salaire médian, { $occupation }
facts-median-pay-of-as-of = Salaire médian, { $occupation } ({ $date })
facts-job-outlook = Perspectives d’emploi
facts-job-outlook-in = Perspectives d’emploi, { $period }
facts-job-outlook-of = Perspectives d’emploi, { $occupation }
facts-job-outlook-of-in = Perspectives d’emploi, { $occupation }, { $period }
facts-growth-with-label = { $growth } ({ $label })
facts-source-title = Source : { $name }
outlook-grow = L’emploi dans ce métier devrait progresser de { $amount } %, { $label ->
        [much_faster_than_average] bien plus vite que la moyenne de l’ensemble des métiers
        [faster_than_average] plus vite que la moyenne de l’ensemble des métiers
        [slower_than_average] moins vite que la moyenne de l’ensemble des métiers
       *[other] à peu près au même rythme que la moyenne de l’ensemble des métiers
    }.
outlook-grow-period = L’emploi dans ce métier devrait progresser de { $amount } % entre { $start } et { $end }, { $label ->
        [much_faster_than_average] bien plus vite que la moyenne de l’ensemble des métiers
        [faster_than_average] plus vite que la moyenne de l’ensemble des métiers
        [slower_than_average] moins vite que la moyenne de l’ensemble des métiers
       *[other] à peu près au même rythme que la moyenne de l’ensemble des métiers
    }.
outlook-decline = L’emploi dans ce métier devrait reculer de { $amount } %.
outlook-decline-period = L’emploi dans ce métier devrait reculer de { $amount } % entre { $start } et { $end }.
outlook-no-change = L’emploi dans ce métier devrait rester à peu près stable.
outlook-no-change-period = L’emploi dans ce métier devrait rester à peu près stable entre { $start } et { $end }.

## Graphiques

chart-pay-title = Fourchette de salaires : { $occupation }, { $period }
chart-pay-percentiles = Les montants de début et le plus élevé sont le 1er et le 9e décile
chart-all-occupations = Ensemble des métiers
chart-median-pay-title = Métiers par salaire médian, { $period }
chart-median-pay-band = De { $from } à moins de { $to }
# $shown est $count tel que la langue l’écrit.
chart-median-pay-count = { $count ->
    [one] { $shown } métier
   *[other] { $shown } métiers
}
chart-outlook-title = Évolution prévue de l’emploi
chart-outlook-title-in = Évolution prévue de l’emploi, { $period }
chart-label-value = { $label } : { $value }
chart-list-separator = {" ; "}

## Titres et descriptions des pages

error404-description = La page demandée n’existe pas.
all-careers-description = Tous les métiers dans un tableau : rémunération, perspectives d’emploi et formation habituelle.
compare-description = Placez deux à quatre métiers côte à côte : rémunération, perspectives d’emploi et formation.
search-description = Trouvez un métier par intitulé, compétence, catégorie ou code métier.
list-group = Métiers : { $name }
list-group-education = Métiers accessibles avec : { $name }
browse-by-category = Métiers par catégorie
browse-by-industry = Métiers par secteur
browse-by-education = Métiers par niveau d’études habituel
browse-index-description = { $title } : tous les groupes et le nombre de métiers de chacun.
list-title-page = { $title }, page { $number } sur { $total }
list-description-page = { $description }. Page { $number } sur { $total }.
list-crumb-page = Page { $number }
list-group-description-category = Catégorie : { $name }. Salaire, perspectives d’emploi et formation pour chaque métier.
list-group-description-industry = Secteur : { $name }. Salaire, perspectives d’emploi et formation pour chaque métier.
list-group-description-education = Niveau d’études habituel pour débuter : { $name }. Salaire, perspectives d’emploi et formation pour chaque métier.
advice-section-description = { $section } : tous les articles, du plus récent au plus ancien.
search-label-article = Conseils
search-label-page = Page

## Langues

nav-languages = Langue

## Texte écrit par les scripts du site dans le navigateur du lecteur.
## Texte brut, sans balises ; `{ $count }` et les autres nombres y sont mis en forme.

search-js-careers = { $count ->
    [one] { $count } métier
   *[other] { $count } métiers
}
search-js-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
search-js-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
search-js-found = Résultats : { $list }
search-js-none = Aucun métier trouvé
search-js-heading = { $found } pour « { $query } »
search-js-more = Afficher { $shown } de plus (encore { $left })
search-js-tips = Vérifiez l’orthographe ou essayez avec moins de mots, ou parcourez { $all } ou les métiers par { $category }, { $industry } ou { $education }.
search-js-tips-all = tous les métiers
search-js-tips-category = catégorie
search-js-tips-industry = secteur
search-js-tips-education = formation
search-js-did-you-mean = Vouliez-vous dire { $titles } ?
search-js-unavailable = La recherche n’est pas disponible ici. { $browse }
search-js-browse-all = Parcourir tous les métiers
compare-js-chooser = Choisir les métiers à comparer
compare-js-add = Ajouter un métier
compare-js-suggestions = Métiers suggérés
compare-js-help = Tapez une partie de l’intitulé d’un métier, puis choisissez-le avec les flèches et la touche Entrée, ou sélectionnez-le. De deux à quatre métiers.
compare-js-no-match = Aucun métier ne correspond.
compare-js-matches = { $count ->
    [one] { $count } métier correspond.
   *[other] { $count } métiers correspondent.
}
compare-js-partial = { $count ->
    [one] { $count } métier correspond ; les { $shown } premiers sont affichés. Précisez votre saisie pour affiner.
   *[other] { $count } métiers correspondent ; les { $shown } premiers sont affichés. Précisez votre saisie pour affiner.
}
compare-js-all-chosen = Tous les métiers correspondants sont déjà choisis.
compare-js-suggestions-failed = Les suggestions n’ont pas pu être chargées.
compare-js-at-most = Une comparaison montre au plus quatre métiers : retirez-en un d’abord.
compare-js-added = { $title } ajouté.
compare-js-removed = { $title } retiré.
compare-js-chosen = Métiers choisis
compare-js-remove = Retirer
compare-js-remove-label = Retirer { $title }
compare-js-caption = Comparaison : { $titles }
compare-js-wide = Le tableau est plus large que l’écran : faites-le défiler latéralement pour voir tous les métiers.
compare-js-fact = Donnée
compare-js-not-known = Non connu
compare-js-sources = Sources :
compare-js-one-more = Ajoutez au moins un autre métier pour comparer.
compare-js-two-to-four = Ajoutez de deux à quatre métiers pour les voir côte à côte.
compare-js-load-failed = Les données de ce métier n’ont pas pu être chargées.
compare-js-missing = { $count ->
    [one] Aucun métier à l’adresse { $slugs } : le lien est peut-être périmé.
   *[other] Aucun métier aux adresses { $slugs } : les liens sont peut-être périmés.
}
all-careers-js-pages = Pages des métiers correspondants
all-careers-js-previous = Précédente
all-careers-js-next = Suivante
all-careers-js-page = Page { $number } sur { $total }
all-careers-js-loading = Chargement de tous les métiers…
all-careers-js-none = Aucun métier ne correspond à ces filtres.
all-careers-js-count-of = { $total ->
    [one] { $count } sur { $total } métier
   *[other] { $count } sur { $total } métiers
}
all-careers-js-total = { $count ->
    [one] { $count } métier.
   *[other] { $count } métiers.
}
all-careers-js-matches = { $count ->
    [one] { $count } métier correspond.
   *[other] { $count } métiers correspondent.
}
all-careers-js-sorted-ascending = Triés par { $column }, par ordre croissant.
all-careers-js-sorted-descending = Triés par { $column }, par ordre décroissant.
all-careers-js-load-failed = La liste de tous les métiers n’a pas pu être chargée : le tableau ne montre que cette page.
all-careers-js-not-available = non disponible

## Sources de données : noms et références des données officielles dont
## careergen remplit les fiches. `$release` est l’édition telle que la langue
## l’écrit (« mai 2025 », « 2024–34 », « 29.2 »). La `citation:` propre au
## site dans config.yaml s’affiche telle quelle.

data-oews-name = Statistiques de l’emploi et des salaires par profession (OEWS) du BLS, { $release }
data-oews-citation = Bureau des statistiques du travail des États-Unis (BLS), Statistiques de l’emploi et des salaires par profession (OEWS), { $release }.
data-oews-state-name = Statistiques de l’emploi et des salaires par profession (OEWS) du BLS, { $release }, estimations par État
data-oews-state-citation = Bureau des statistiques du travail des États-Unis (BLS), Statistiques de l’emploi et des salaires par profession (OEWS), { $release }, estimations par État.
data-projections-name = Manuel des perspectives professionnelles (OOH) du BLS, édition { $release }
data-projections-citation = Bureau des statistiques du travail des États-Unis (BLS), Manuel des perspectives professionnelles (OOH), édition { $release } ; programme de projections de l’emploi.
data-onet-name = Base de données O*NET { $release }
data-onet-citation = Cette page contient des informations issues de la base de données O*NET { $release } du ministère du Travail des États-Unis, Administration de l’emploi et de la formation (USDOL/ETA), utilisées sous licence CC BY 4.0. O*NET® est une marque déposée de l’USDOL/ETA.
data-license-public-domain = Domaine public

## États et territoires des États-Unis, par code postal : tableau et carte
## des salaires par État, et l’État de référence du site (`region:`).

state-AL = Alabama
state-AK = Alaska
state-AZ = Arizona
state-AR = Arkansas
state-CA = Californie
state-CO = Colorado
state-CT = Connecticut
state-DE = Delaware
state-DC = District de Columbia
state-FL = Floride
state-GA = Géorgie
state-GU = Guam
state-HI = Hawaï
state-ID = Idaho
state-IL = Illinois
state-IN = Indiana
state-IA = Iowa
state-KS = Kansas
state-KY = Kentucky
state-LA = Louisiane
state-ME = Maine
state-MD = Maryland
state-MA = Massachusetts
state-MI = Michigan
state-MN = Minnesota
state-MS = Mississippi
state-MO = Missouri
state-MT = Montana
state-NE = Nebraska
state-NV = Nevada
state-NH = New Hampshire
state-NJ = New Jersey
state-NM = Nouveau-Mexique
state-NY = New York
state-NC = Caroline du Nord
state-ND = Dakota du Nord
state-OH = Ohio
state-OK = Oklahoma
state-OR = Oregon
state-PA = Pennsylvanie
state-PR = Porto Rico
state-RI = Rhode Island
state-SC = Caroline du Sud
state-SD = Dakota du Sud
state-TN = Tennessee
state-TX = Texas
state-UT = Utah
state-VT = Vermont
state-VI = Îles Vierges des États-Unis
state-VA = Virginie
state-WA = Washington
state-WV = Virginie-Occidentale
state-WI = Wisconsin
state-WY = Wyoming
