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

## Vocabulaires : les valeurs des exigences et des perspectives, par leur clé

education-no-formal-credential = Aucun diplôme officiel
education-high-school = Diplôme d'études secondaires ou équivalent
education-postsecondary-nondegree = Certificat d'études postsecondaires
education-some-college = Études supérieures sans diplôme
education-associates = Diplôme d'études supérieures de deux ans
education-bachelors = Licence
education-masters = Master
education-doctoral-or-professional = Doctorat ou diplôme professionnel
education-varies = Variable

experience-none = Aucune
experience-less-than-5-years = Moins de 5 ans
experience-5-years-or-more = 5 ans ou plus
experience-varies = Variable

training-none = Aucune
training-short-term = Formation en cours d'emploi de courte durée
training-moderate-term = Formation en cours d'emploi de durée moyenne
training-long-term = Formation en cours d'emploi de longue durée
training-apprenticeship = Apprentissage
training-internship-residency = Stage ou internat
training-varies = Variable

growth-much-faster-than-average = Beaucoup plus rapide que la moyenne
growth-faster-than-average = Plus rapide que la moyenne
growth-as-fast-as-average = Aussi rapide que la moyenne
growth-slower-than-average = Plus lente que la moyenne
growth-little-or-no-change = Peu ou pas de changement
growth-decline = Baisse
