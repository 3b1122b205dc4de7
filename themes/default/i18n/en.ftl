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

## Header, search box and footer

nav-menu = Menu<span class="visually-hidden"> and search</span>
nav-site-label = Site
nav-categories = Categories
nav-industries = Industries
nav-education = Education
nav-breadcrumb = Breadcrumb
nav-footer-label = Footer
search-label = Search careers
search-button = Search
feed-link-title = { $site }: recently reviewed guides
feed-footer-link = Feed of recently reviewed guides

## Guide page

guide-also-called = Also called: { $titles }
guide-soc-code = <abbr title="Standard Occupational Classification">SOC</abbr> code <span class="code">{ $code }</span>
guide-onet-code = O*NET-SOC code <span class="code">{ $code }</span>
guide-toc = On this page
guide-quick-facts = Quick facts
guide-what-they-do = What they do
guide-work-environment = Work environment
guide-how-to-become-one = How to become one
guide-pay = Pay
guide-pay-by-state = Pay by state
guide-job-outlook = Job outlook
guide-career-path = Career path
guide-similar-occupations = Similar occupations
guide-advice = Advice
guide-faq = Questions and answers
guide-more = More about the job
guide-sources = Sources
guide-last-reviewed = Last reviewed <time datetime="{ $datetime }">{ $date }</time>
guide-duties-intro = Typically, { $plural } do the following:
guide-where-they-work = Where they work
guide-industries = Industries
guide-largest-employers = Largest employers
guide-industry = Industry
guide-share-of-jobs = Share of jobs
guide-work-schedules = Work schedules
guide-travel = Travel
guide-education = Education
guide-typical-education = Typical entry-level education:
guide-fields-of-study = Common fields of study
guide-skills = Important skills
guide-credentials = Licenses and certifications
guide-credential-required = required
guide-credential-not-required = not required
guide-experience-and-training = Experience and training
guide-work-experience = Work experience in a related occupation
guide-training = Typical on-the-job training
pay-headline = Median pay: <strong>{ $amount }</strong> { $period }
pay-caption = Pay { $period }
pay-level = Pay level
pay-amount = Amount
pay-note-percentiles = Figures are percentiles of wages. The median is the wage at which half of the workers in the occupation earned more and half earned less; 10 percent earned less than the 10th percentile and 10 percent earned more than the 90th.
pay-note-top-coded = The highest figure is top-coded: the source publishes only that it is at least this amount.
source-line = Source:
source-license = License: { $license }
source-accessed = Accessed <time datetime="{ $datetime }">{ $date }</time>
outlook-growth = Projected growth
outlook-growth-in = Projected growth, { $period }
outlook-average-growth = Average growth for all occupations
outlook-employment = Number of jobs
outlook-employment-change = Employment change
outlook-employment-change-in = Employment change, { $period }
outlook-openings = Openings each year, on average
similar-suggested = Occupations that share this one’s category, industries or skills.
similar-caption = Occupations similar to { $title }
similar-occupation = Occupation
similar-summary = Job summary
similar-education = Typical entry-level education
similar-median-pay = Median pay
facts-caption = Quick facts: { $title }
facts-source-label = Source { $marker }: { $name }

## Home, lists and pagination

home-search-label = Search { $count ->
    [one] { $count } career
   *[other] { $count } careers
} by title, skill or occupation code
home-browse-by-category = Browse by category
home-featured = Featured careers
home-recent = Recently reviewed careers
home-browse = Browse careers
home-all-careers-note = : one table with pay, job outlook and education
home-compare = Compare careers side by side
home-latest-advice = Latest advice
home-all-of = All of { $section }
list-empty = No career guides have been published yet.
all-careers-lead = Every occupation in the handbook with its pay, job outlook and typical entry-level education. Select a column heading to sort every career by it, filter them below, or <a href="{ $compare }">compare careers side by side</a>.
all-careers-chart-caption = Careers by median pay, { $period }
list-entry-pay = Entry-level pay
list-top-pay = Top pay
list-growth = Growth
list-caption-page = { $name }, page { $number } of { $total }
list-no-groups = No careers are grouped this way yet. See <a href="{ $href }">all careers</a>.
list-all-occupations = All occupations
list-not-available = not available
filters-label = Filter careers
filters-title = Title contains
filters-category = Category
filters-any-category = Any category
filters-any-education = Any education
filters-pay = Median pay ({ $symbol } { $period })
filters-from = From
filters-to = To
filters-submit = Show careers
filters-reset = Clear filters
figures-pay-in = Pay in { $region }
figures-sources = Sources:
figures-unnamed = as given in the guide, without a named source
figures-count = { $count } of { $of } careers
pagination-label = Pagination
pagination-careers = careers
pagination-status = Page { $number } of { $total }<span class="pagination__range">: { $noun } { $first } to { $last } of { $items }</span>
pagination-page-lower = page { $number } of { $total }
pagination-first = First<span class="visually-hidden"> page</span>
pagination-previous = Previous<span class="visually-hidden"> page</span>
pagination-next = Next<span class="visually-hidden"> page</span>
pagination-last = Last<span class="visually-hidden"> page</span>
pagination-number = <span class="visually-hidden">Page </span>{ $number }
error404-title = Page not found
error404-lead = Sorry, we can’t find that page. It may have moved, or the address may be mistyped.
error404-home = Go to the { $site } home page
error404-search = Search for a career

## Compare, search, advice and shortcodes

compare-title = Compare careers
compare-lead = Put two to four careers side by side: pay, job outlook, number of jobs and the education and training they take.
compare-no-script = Comparing careers side by side here needs JavaScript. Without it, the <a href="{ $href }">All careers table</a> shows every career’s pay, job outlook and education, and each career’s own page gives all its facts.
compare-openings = Openings each year
compare-source-home-pay = Home-state pay
compare-source-education = Education and training
search-page-label = Search by title, skill, field of study, industry or occupation code
search-no-script = Search needs JavaScript. Browse <a href="{ $root }all-careers/">all careers</a> or by <a href="{ $root }categories/">category</a>, <a href="{ $root }industries/">industry</a> or <a href="{ $root }education/">education</a> instead.
advice-browse-by-topic = Browse by topic
advice-feed = Feed of new articles
advice-topics = Topics
advice-topics-label = Topics:
advice-byline = By { $author } · <time datetime="{ $datetime }">{ $date }</time>
advice-updated = Updated <time datetime="{ $datetime }">{ $date }</time>
advice-related-careers = Careers this advice is for
advice-for = Advice for { $plural }
advice-topics-title = { $section }: topics
advice-topics-description = Every topic of { $section }, with how many articles it has.
advice-topic-description = Articles of { $section } on { $topic }, newest first.
pagination-articles = articles
list-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
callout-tip = Tip
callout-warning = Warning
callout-note = Note
facts-figcaption = Quick facts: <a href="{ $href }">{ $title }</a>
states-map-caption = Median pay { $period } by state: the bar in each state grows with its median.
states-map-caption-as-of = Median pay { $period } by state, { $date }: the bar in each state grows with its median.
states-map-dashed = Dashed states: no figure published.
states-every-state = Pay in every state
states-table-caption = Pay { $period } by state
states-state = State
states-median = Median
states-p10 = 10th percentile
states-p90 = 90th percentile
states-employment = Employment
states-not-published = Not published
states-tile-not-published = not published
states-home-median = Median pay in { $state }
states-home-median-as-of = Median pay in { $state } ({ $date })
states-map-title = Median pay { $period } by state for { $title }: the bar in each state grows with its median; dashed states have no published figure. Every figure is in the table “{ $table }”.

## Vocabularies and figures written by careergen

education-no_formal_credential = No formal educational credential
education-high_school = High school diploma or equivalent
education-postsecondary_nondegree = Postsecondary nondegree award
education-some_college = Some college, no degree
education-associates = Associate's degree
education-bachelors = Bachelor's degree
education-masters = Master's degree
education-doctoral_or_professional = Doctoral or professional degree
education-varies = Varies
experience-none = None
experience-less_than_5_years = Less than 5 years
experience-5_years_or_more = 5 years or more
experience-varies = Varies
training-none = None
training-short_term = Short-term on-the-job training
training-moderate_term = Moderate-term on-the-job training
training-long_term = Long-term on-the-job training
training-apprenticeship = Apprenticeship
training-internship_residency = Internship/residency
training-varies = Varies
credential-license = License
credential-certification = Certification
credential-registration = Registration
growth-much_faster_than_average = Much faster than average
growth-faster_than_average = Faster than average
growth-as_fast_as_average = As fast as average
growth-slower_than_average = Slower than average
growth-little_or_no_change = Little or no change
growth-decline = Decline
pay-per-year = per year
pay-per-month = per month
pay-per-week = per week
pay-per-day = per day
pay-per-hour = per hour
pay-amount-per = { $amount } { $period }
pay-or-more = { $amount } or more
pay-entry = Entry level
pay-p10 = 10th percentile
pay-p25 = 25th percentile
pay-median = Median
pay-p75 = 75th percentile
pay-p90 = 90th percentile
pay-top = Top earners
facts-median-pay = Median pay
facts-median-pay-as-of = Median pay ({ $date })
facts-median-pay-of = Median pay, { $occupation }
facts-median-pay-of-as-of = Median pay, { $occupation } ({ $date })
facts-job-outlook = Job outlook
facts-job-outlook-in = Job outlook, { $period }
facts-job-outlook-of = Job outlook, { $occupation }
facts-job-outlook-of-in = Job outlook, { $occupation }, { $period }
facts-growth-with-label = { $growth } ({ $label })
facts-source-title = Source: { $name }
outlook-grow = Employment of { $who } is projected to grow { $amount } percent, { $label ->
        [much_faster_than_average] much faster than the average for all occupations
        [faster_than_average] faster than the average for all occupations
        [slower_than_average] slower than the average for all occupations
       *[other] about as fast as the average for all occupations
    }.
outlook-grow-period = Employment of { $who } is projected to grow { $amount } percent from { $start } to { $end }, { $label ->
        [much_faster_than_average] much faster than the average for all occupations
        [faster_than_average] faster than the average for all occupations
        [slower_than_average] slower than the average for all occupations
       *[other] about as fast as the average for all occupations
    }.
outlook-decline = Employment of { $who } is projected to decline { $amount } percent.
outlook-decline-period = Employment of { $who } is projected to decline { $amount } percent from { $start } to { $end }.
outlook-no-change = Employment of { $who } is projected to show little or no change.
outlook-no-change-period = Employment of { $who } is projected to show little or no change from { $start } to { $end }.

## Charts

chart-pay-title = Pay range for { $occupation }, { $period }
chart-pay-percentiles = Entry and top figures are the 10th and 90th percentiles
chart-all-occupations = All occupations
chart-median-pay-title = Careers by median pay, { $period }
chart-median-pay-band = { $from } to under { $to }
# $shown is $count as the language writes it.
chart-median-pay-count = { $count ->
    [one] { $shown } career
   *[other] { $shown } careers
}
chart-outlook-title = Projected employment growth
chart-outlook-title-in = Projected employment growth, { $period }
# A chart's figures read out in its description and a map tile's tooltip:
# "Median: $75,500; Top earners: $160,500 or more".
chart-label-value = { $label }: { $value }
chart-list-separator = {"; "}

## Page titles and descriptions

error404-description = The page you asked for does not exist.
all-careers-description = Every occupation in one table: pay, job outlook and typical education.
compare-description = Put two to four careers side by side: pay, job outlook and education.
search-description = Find a career by title, skill, category or occupation code.
list-group = { $name } careers
list-group-education = Careers needing: { $name }
browse-by-category = Careers by category
browse-by-industry = Careers by industry
browse-by-education = Careers by typical education
browse-index-description = { $title }: every group and how many careers it lists.
list-title-page = { $title }, page { $number } of { $total }
list-description-page = { $description }. Page { $number } of { $total }.
list-crumb-page = Page { $number }
list-group-description-category = Category: { $name }. Pay, job outlook and education for each.
list-group-description-industry = Industry: { $name }. Pay, job outlook and education for each.
list-group-description-education = Typical entry-level education: { $name }. Pay, job outlook and education for each.
advice-section-description = { $section }: every article, newest first.
search-label-article = Advice
search-label-page = Page

## Languages

# The language switcher's label, for screen readers.
nav-languages = Language

## Text the site's scripts write in the reader's browser. Plain text, no
## markup; `{ $count }` and the other numbers are formatted there.

search-js-careers = { $count ->
    [one] { $count } career
   *[other] { $count } careers
}
search-js-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
search-js-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
search-js-found = { $list } found
search-js-none = No careers found
search-js-heading = { $found } for “{ $query }”
search-js-more = Show { $shown } more of { $left }
search-js-tips = Check the spelling or try fewer words, or browse { $all } or careers by { $category }, { $industry } or { $education }.
search-js-tips-all = all careers
search-js-tips-category = category
search-js-tips-industry = industry
search-js-tips-education = education
search-js-did-you-mean = Did you mean { $titles }?
search-js-unavailable = Search is not available here. { $browse }
search-js-browse-all = Browse all careers
compare-js-chooser = Choose careers to compare
compare-js-add = Add a career
compare-js-suggestions = Suggested careers
compare-js-help = Type part of a career’s title, then choose it with the arrow keys and Enter, or select it. Two to four careers.
compare-js-no-match = No career matches.
compare-js-matches = { $count ->
    [one] { $count } career matches.
   *[other] { $count } careers match.
}
compare-js-partial = { $count ->
    [one] { $count } career matches; the first { $shown } are listed. Type more to narrow them.
   *[other] { $count } careers match; the first { $shown } are listed. Type more to narrow them.
}
compare-js-all-chosen = Every matching career is already chosen.
compare-js-suggestions-failed = Suggestions could not be loaded.
compare-js-at-most = Four careers is the most one comparison shows: remove one first.
compare-js-added = { $title } added.
compare-js-removed = { $title } removed.
compare-js-chosen = Chosen careers
compare-js-remove = Remove
compare-js-remove-label = Remove { $title }
compare-js-caption = Comparing { $titles }
compare-js-wide = The table is wider than the screen: scroll it sideways to see every career.
compare-js-fact = Fact
compare-js-not-known = Not known
compare-js-sources = Sources:
compare-js-one-more = Add at least one more career to compare.
compare-js-two-to-four = Add two to four careers to see them side by side.
compare-js-load-failed = That career’s facts could not be loaded.
compare-js-missing = { $count ->
    [one] No career is at { $slugs }: the link may be out of date.
   *[other] No careers are at { $slugs }: the links may be out of date.
}
all-careers-js-pages = Pages of matching careers
all-careers-js-previous = Previous
all-careers-js-next = Next
all-careers-js-page = Page { $number } of { $total }
all-careers-js-loading = Loading every career…
all-careers-js-none = No career matches these filters.
all-careers-js-count-of = { $total ->
    [one] { $count } of { $total } career
   *[other] { $count } of { $total } careers
}
all-careers-js-total = { $count ->
    [one] { $count } career.
   *[other] { $count } careers.
}
all-careers-js-matches = { $count ->
    [one] { $count } career matches.
   *[other] { $count } careers match.
}
all-careers-js-sorted-ascending = Sorted by { $column }, ascending.
all-careers-js-sorted-descending = Sorted by { $column }, descending.
all-careers-js-load-failed = The list of every career could not be loaded: the table shows this page only.
all-careers-js-not-available = not available

## Data sources: the names and citations of the official data careergen
## fills guides from. `$release` is the release as the language writes it
## (`May 2025`, `2024–34`, `29.2`). A site's own `citation:` in config.yaml
## is shown as written instead.

data-oews-name = BLS Occupational Employment and Wage Statistics, { $release }
data-oews-citation = U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, { $release }.
data-oews-state-name = BLS Occupational Employment and Wage Statistics, { $release }, state estimates
data-oews-state-citation = U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, { $release }, state estimates.
data-projections-name = BLS Occupational Outlook Handbook, { $release } edition
data-projections-citation = U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, { $release } edition; Employment Projections program.
data-onet-name = O*NET { $release } Database
data-onet-citation = This page includes information from the O*NET { $release } Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
data-license-public-domain = Public domain

## U.S. states and territories, by postal code: the pay-by-state table and
## map, and the site's home state (`region:`).

state-AL = Alabama
state-AK = Alaska
state-AZ = Arizona
state-AR = Arkansas
state-CA = California
state-CO = Colorado
state-CT = Connecticut
state-DE = Delaware
state-DC = District of Columbia
state-FL = Florida
state-GA = Georgia
state-GU = Guam
state-HI = Hawaii
state-ID = Idaho
state-IL = Illinois
state-IN = Indiana
state-IA = Iowa
state-KS = Kansas
state-KY = Kentucky
state-LA = Louisiana
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
state-NM = New Mexico
state-NY = New York
state-NC = North Carolina
state-ND = North Dakota
state-OH = Ohio
state-OK = Oklahoma
state-OR = Oregon
state-PA = Pennsylvania
state-PR = Puerto Rico
state-RI = Rhode Island
state-SC = South Carolina
state-SD = South Dakota
state-TN = Tennessee
state-TX = Texas
state-UT = Utah
state-VT = Vermont
state-VI = Virgin Islands
state-VA = Virginia
state-WA = Washington
state-WV = West Virginia
state-WI = Wisconsin
state-WY = Wyoming
