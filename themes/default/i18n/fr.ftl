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
