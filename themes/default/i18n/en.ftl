# Messages of the default theme, in English: the text every other language
# falls back to. Keys are grouped by prefix; see docs/i18n.md.

## Site frame and navigation

nav-skip = Skip to main content
nav-home = Home
nav-all-careers = All careers
nav-compare = Compare

## Lists

list-careers = { $count ->
    [one] { $count } career
   *[other] { $count } careers
}
