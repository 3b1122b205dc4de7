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

## Vocabularies: the values of requirements and outlook, by their key in
## front matter with dashes (`high_school` → `education-high-school`). A
## site's own education levels (config.yaml `education_levels`) take their
## labels from config.yaml instead.

education-no-formal-credential = No formal educational credential
education-high-school = High school diploma or equivalent
education-postsecondary-nondegree = Postsecondary nondegree award
education-some-college = Some college, no degree
education-associates = Associate's degree
education-bachelors = Bachelor's degree
education-masters = Master's degree
education-doctoral-or-professional = Doctoral or professional degree
education-varies = Varies

experience-none = None
experience-less-than-5-years = Less than 5 years
experience-5-years-or-more = 5 years or more
experience-varies = Varies

training-none = None
training-short-term = Short-term on-the-job training
training-moderate-term = Moderate-term on-the-job training
training-long-term = Long-term on-the-job training
training-apprenticeship = Apprenticeship
training-internship-residency = Internship/residency
training-varies = Varies

growth-much-faster-than-average = Much faster than average
growth-faster-than-average = Faster than average
growth-as-fast-as-average = As fast as average
growth-slower-than-average = Slower than average
growth-little-or-no-change = Little or no change
growth-decline = Decline
