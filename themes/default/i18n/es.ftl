# Mensajes del tema predeterminado, en español.

## Estructura del sitio y navegación

nav-skip = Ir al contenido principal
nav-home = Inicio
nav-all-careers = Todas las carreras
nav-compare = Comparar

## Listas

list-careers = { $count ->
    [one] { $count } carrera
   *[other] { $count } carreras
}

## Cabecera, buscador y pie de página

nav-menu = Menú<span class="visually-hidden"> y búsqueda</span>
nav-site-label = Sitio
nav-categories = Categorías
nav-industries = Sectores
nav-education = Formación
nav-breadcrumb = Ruta de navegación
nav-footer-label = Pie de página
search-label = Buscar carreras
search-button = Buscar
feed-link-title = { $site }: guías revisadas recientemente
feed-footer-link = Fuente de guías revisadas recientemente

## Página de la guía

guide-also-called = También se conoce como: { $titles }
guide-soc-code = Código <abbr title="Clasificación Normalizada de Ocupaciones de EE. UU. (SOC, por sus siglas en inglés)">SOC</abbr> <span class="code">{ $code }</span>
guide-onet-code = Código O*NET-SOC <span class="code">{ $code }</span>
guide-toc = En esta página
guide-quick-facts = Datos principales
guide-what-they-do = Qué hacen
guide-work-environment = Entorno de trabajo
guide-how-to-become-one = Cómo llegar a serlo
guide-pay = Salario
guide-pay-by-state = Salario por estado
guide-job-outlook = Perspectivas laborales
guide-career-path = Trayectoria profesional
guide-similar-occupations = Ocupaciones similares
guide-advice = Consejos
guide-faq = Preguntas y respuestas
guide-more = Más sobre el trabajo
guide-sources = Fuentes
guide-last-reviewed = Última revisión: <time datetime="{ $datetime }">{ $date }</time>
guide-duties-intro = Por lo general, las tareas de este puesto son las siguientes:
guide-where-they-work = Dónde trabajan
guide-industries = Sectores
guide-largest-employers = Principales empleadores
guide-industry = Sector
guide-share-of-jobs = Porcentaje de empleos
guide-work-schedules = Horarios de trabajo
guide-travel = Desplazamientos
guide-education = Formación
guide-typical-education = Formación habitual para empezar:
guide-fields-of-study = Estudios más comunes
guide-skills = Competencias importantes
guide-credentials = Licencias y certificaciones
guide-credential-required = obligatoria
guide-credential-not-required = no obligatoria
guide-experience-and-training = Experiencia y capacitación
guide-work-experience = Experiencia laboral en una ocupación relacionada
guide-training = Capacitación habitual en el puesto
pay-headline = Salario mediano: <strong>{ $amount }</strong> { $period }
pay-caption = Salario { $period }
pay-level = Nivel salarial
pay-amount = Importe
pay-note-percentiles = Las cifras son percentiles salariales. La mediana es el salario por encima del cual ganó la mitad de los trabajadores de la ocupación y por debajo del cual ganó la otra mitad; el 10 por ciento ganó menos que el percentil 10 y el 10 por ciento ganó más que el percentil 90.
pay-note-top-coded = La cifra más alta está censurada: la fuente solo publica que es igual o superior a este importe.
source-line = Fuente:
source-license = Licencia: { $license }
source-accessed = Consultado el <time datetime="{ $datetime }">{ $date }</time>
outlook-growth = Crecimiento previsto
outlook-growth-in = Crecimiento previsto, { $period }
outlook-average-growth = Crecimiento medio de todas las ocupaciones
outlook-employment = Número de empleos
outlook-employment-change = Variación del empleo
outlook-employment-change-in = Variación del empleo, { $period }
outlook-openings = Vacantes al año, en promedio
similar-suggested = Ocupaciones que comparten la categoría, los sectores o las competencias de esta.
similar-caption = Ocupaciones similares a { $title }
similar-occupation = Ocupación
similar-summary = Resumen del puesto
similar-education = Formación habitual para empezar
similar-median-pay = Salario mediano
facts-caption = Datos principales: { $title }
facts-source-label = Fuente { $marker }: { $name }

## Inicio, listas y paginación

home-search-label = Busque entre { $count ->
    [one] { $count } carrera
   *[other] { $count } carreras
} por título, competencia o código de ocupación
home-browse-by-category = Explorar por categoría
home-featured = Carreras destacadas
home-recent = Carreras revisadas recientemente
home-browse = Explorar carreras
home-all-careers-note = : una tabla con salario, perspectivas y formación
home-compare = Comparar carreras lado a lado
home-latest-advice = Consejos recientes
home-all-of = Todo { $section }
list-empty = Todavía no se ha publicado ninguna guía de carreras.
all-careers-lead = Todas las ocupaciones de la guía con su salario, sus perspectivas laborales y la formación habitual para empezar. Seleccione el encabezado de una columna para ordenar todas las carreras, fíltrelas más abajo o <a href="{ $compare }">compare carreras lado a lado</a>.
all-careers-chart-caption = Carreras según el salario mediano, { $period }
list-entry-pay = Salario inicial
list-top-pay = Salario máximo
list-growth = Crecimiento
list-caption-page = { $name }, página { $number } de { $total }
list-no-groups = Todavía no hay carreras agrupadas de esta forma. Consulte <a href="{ $href }">todas las carreras</a>.
list-all-occupations = Todas las ocupaciones
list-not-available = no disponible
filters-label = Filtrar carreras
filters-title = El título contiene
filters-category = Categoría
filters-any-category = Cualquier categoría
filters-any-education = Cualquier formación
filters-pay = Salario mediano ({ $symbol } { $period })
filters-from = Desde
filters-to = Hasta
filters-submit = Mostrar carreras
filters-reset = Borrar filtros
figures-pay-in = Salario en { $region }
figures-sources = Fuentes:
figures-unnamed = según la guía, sin una fuente indicada
figures-count = { $count } de { $of } carreras
pagination-label = Paginación
pagination-careers = carreras
pagination-status = Página { $number } de { $total }<span class="pagination__range">: { $noun } { $first } a { $last } de { $items }</span>
pagination-page-lower = página { $number } de { $total }
pagination-first = Primera<span class="visually-hidden"> página</span>
pagination-previous = Anterior<span class="visually-hidden"> página</span>
pagination-next = Siguiente<span class="visually-hidden"> página</span>
pagination-last = Última<span class="visually-hidden"> página</span>
pagination-number = <span class="visually-hidden">Página </span>{ $number }
error404-title = Página no encontrada
error404-lead = Lo sentimos, no encontramos esa página. Puede que se haya trasladado o que la dirección contenga un error.
error404-home = Ir a la página de inicio de { $site }
error404-search = Buscar una carrera

## Comparador, búsqueda, consejos y códigos cortos

compare-title = Comparar carreras
compare-lead = Ponga de dos a cuatro carreras lado a lado: salario, perspectivas laborales, número de empleos y la formación y capacitación que requieren.
compare-no-script = Para comparar carreras aquí se necesita JavaScript. Sin él, la <a href="{ $href }">tabla de todas las carreras</a> muestra el salario, las perspectivas y la formación de cada carrera, y la página de cada carrera reúne todos sus datos.
compare-openings = Vacantes al año
compare-source-home-pay = Salario en el estado propio
compare-source-education = Formación y capacitación
search-page-label = Busque por título, competencia, campo de estudio, sector o código de ocupación
search-no-script = La búsqueda necesita JavaScript. Explore <a href="{ $root }all-careers/">todas las carreras</a> o por <a href="{ $root }categories/">categoría</a>, <a href="{ $root }industries/">sector</a> o <a href="{ $root }education/">formación</a>.
advice-browse-by-topic = Explorar por tema
advice-feed = Fuente de artículos nuevos
advice-topics = Temas
advice-topics-label = Temas:
advice-byline = Por { $author } · <time datetime="{ $datetime }">{ $date }</time>
advice-updated = Actualizado el <time datetime="{ $datetime }">{ $date }</time>
advice-related-careers = Carreras a las que se aplica este consejo
advice-for = Consejos: { $title }
advice-topics-title = { $section }: temas
advice-topics-description = Todos los temas de { $section }, con cuántos artículos tiene cada uno.
advice-topic-description = Artículos de { $section } sobre { $topic }, del más reciente al más antiguo.
pagination-articles = artículos
list-articles = { $count ->
    [one] { $count } artículo
   *[other] { $count } artículos
}
callout-tip = Consejo
callout-warning = Atención
callout-note = Nota
facts-figcaption = Datos principales: <a href="{ $href }">{ $title }</a>
states-map-caption = Salario mediano { $period } por estado: la barra de cada estado crece con su mediana.
states-map-caption-as-of = Salario mediano { $period } por estado, { $date }: la barra de cada estado crece con su mediana.
states-map-dashed = Estados con borde discontinuo: cifra no publicada.
states-every-state = Salario en cada estado
states-table-caption = Salario { $period } por estado
states-state = Estado
states-median = Mediana
states-p10 = Percentil 10
states-p90 = Percentil 90
states-employment = Empleo
states-not-published = No publicado
states-tile-not-published = no publicado
states-home-median = Salario mediano en { $state }
states-home-median-as-of = Salario mediano en { $state } ({ $date })
states-map-title = Salario mediano { $period } por estado para { $title }: la barra de cada estado crece con su mediana; los estados con borde discontinuo no tienen cifra publicada. Todas las cifras están en la tabla «{ $table }».

## Vocabularios y cifras que escribe careergen

education-no_formal_credential = Sin credencial educativa formal
education-high_school = Diploma de escuela secundaria o equivalente
education-postsecondary_nondegree = Certificado postsecundario no universitario
education-some_college = Estudios universitarios sin título
education-associates = Título universitario de dos años
education-bachelors = Licenciatura
education-masters = Maestría
education-doctoral_or_professional = Doctorado o título profesional
education-varies = Variable
experience-none = Ninguna
experience-less_than_5_years = Menos de 5 años
experience-5_years_or_more = 5 años o más
experience-varies = Variable
training-none = Ninguna
training-short_term = Capacitación en el puesto de corta duración
training-moderate_term = Capacitación en el puesto de duración media
training-long_term = Capacitación en el puesto de larga duración
training-apprenticeship = Aprendizaje
training-internship_residency = Prácticas o residencia
training-varies = Variable
credential-license = Licencia
credential-certification = Certificación
credential-registration = Registro
growth-much_faster_than_average = Mucho más rápido que el promedio
growth-faster_than_average = Más rápido que el promedio
growth-as_fast_as_average = Similar al promedio
growth-slower_than_average = Más lento que el promedio
growth-little_or_no_change = Poco o ningún cambio
growth-decline = Disminución
pay-per-year = al año
pay-per-month = al mes
pay-per-week = a la semana
pay-per-day = al día
pay-per-hour = por hora
pay-amount-per = { $amount } { $period }
pay-or-more = { $amount } o más
pay-entry = Inicial
pay-p10 = Percentil 10
pay-p25 = Percentil 25
pay-median = Mediana
pay-p75 = Percentil 75
pay-p90 = Percentil 90
pay-top = Salarios más altos
facts-median-pay = Salario mediano
facts-median-pay-as-of = Salario mediano ({ $date })
facts-median-pay-of = Salario mediano, { $occupation }
facts-median-pay-of-as-of = Salario mediano, { $occupation } ({ $date })
facts-job-outlook = Perspectivas laborales
facts-job-outlook-in = Perspectivas laborales, { $period }
facts-job-outlook-of = Perspectivas laborales, { $occupation }
facts-job-outlook-of-in = Perspectivas laborales, { $occupation }, { $period }
facts-growth-with-label = { $growth } ({ $label })
facts-source-title = Fuente: { $name }
outlook-grow = Se prevé que el empleo en esta ocupación crezca un { $amount } por ciento, { $label ->
        [much_faster_than_average] un ritmo mucho más rápido que el promedio de todas las ocupaciones
        [faster_than_average] un ritmo más rápido que el promedio de todas las ocupaciones
        [slower_than_average] un ritmo más lento que el promedio de todas las ocupaciones
       *[other] un ritmo similar al promedio de todas las ocupaciones
    }.
outlook-grow-period = Se prevé que el empleo en esta ocupación crezca un { $amount } por ciento entre { $start } y { $end }, { $label ->
        [much_faster_than_average] un ritmo mucho más rápido que el promedio de todas las ocupaciones
        [faster_than_average] un ritmo más rápido que el promedio de todas las ocupaciones
        [slower_than_average] un ritmo más lento que el promedio de todas las ocupaciones
       *[other] un ritmo similar al promedio de todas las ocupaciones
    }.
outlook-decline = Se prevé que el empleo en esta ocupación disminuya un { $amount } por ciento.
outlook-decline-period = Se prevé que el empleo en esta ocupación disminuya un { $amount } por ciento entre { $start } y { $end }.
outlook-no-change = Se prevé que el empleo en esta ocupación se mantenga prácticamente sin cambios.
outlook-no-change-period = Se prevé que el empleo en esta ocupación se mantenga prácticamente sin cambios entre { $start } y { $end }.

## Gráficos

chart-pay-title = Rango salarial de { $occupation }, { $period }
chart-pay-percentiles = Las cifras inicial y máxima son los percentiles 10 y 90
chart-all-occupations = Todas las ocupaciones
chart-median-pay-title = Carreras por salario mediano, { $period }
chart-median-pay-band = De { $from } a menos de { $to }
# $shown es $count tal como lo escribe el idioma.
chart-median-pay-count = { $count ->
    [one] { $shown } carrera
   *[other] { $shown } carreras
}
chart-outlook-title = Crecimiento previsto del empleo
chart-outlook-title-in = Crecimiento previsto del empleo, { $period }
chart-label-value = { $label }: { $value }
chart-list-separator = {"; "}

## Títulos y descripciones de página

error404-description = La página que buscaba no existe.
all-careers-description = Todas las ocupaciones en una tabla: salario, perspectivas laborales y formación habitual.
compare-description = Ponga de dos a cuatro carreras lado a lado: salario, perspectivas laborales y formación.
search-description = Encuentre una carrera por título, competencia, categoría o código de ocupación.
list-group = Carreras de { $name }
list-group-education = Carreras que requieren: { $name }
browse-by-category = Profesiones por categoría
browse-by-industry = Profesiones por sector
browse-by-education = Profesiones por nivel de estudios habitual
browse-index-description = { $title }: todos los grupos y cuántas profesiones reúne cada uno.
list-title-page = { $title }, página { $number } de { $total }
list-description-page = { $description }. Página { $number } de { $total }.
list-crumb-page = Página { $number }
list-group-description-category = Categoría: { $name }. Salario, perspectivas de empleo y estudios de cada profesión.
list-group-description-industry = Sector: { $name }. Salario, perspectivas de empleo y estudios de cada profesión.
list-group-description-education = Nivel de estudios habitual para empezar: { $name }. Salario, perspectivas de empleo y estudios de cada profesión.
advice-section-description = { $section }: todos los artículos, del más reciente al más antiguo.
search-label-article = Consejos
search-label-page = Página

## Idiomas

nav-languages = Idioma

## Texto que escriben los scripts del sitio en el navegador del lector.
## Texto sin marcas; `{ $count }` y las demás cifras se formatean allí.

search-js-careers = { $count ->
    [one] { $count } carrera
   *[other] { $count } carreras
}
search-js-articles = { $count ->
    [one] { $count } artículo
   *[other] { $count } artículos
}
search-js-pages = { $count ->
    [one] { $count } página
   *[other] { $count } páginas
}
search-js-found = Resultados: { $list }
search-js-none = No se encontraron carreras
search-js-heading = { $found } para «{ $query }»
search-js-more = Mostrar { $shown } más (quedan { $left })
search-js-tips = Revise la ortografía o pruebe con menos palabras, o explore { $all } o las carreras por { $category }, { $industry } o { $education }.
search-js-tips-all = todas las carreras
search-js-tips-category = categoría
search-js-tips-industry = sector
search-js-tips-education = formación
search-js-did-you-mean = ¿Quiso decir { $titles }?
search-js-unavailable = La búsqueda no está disponible aquí. { $browse }
search-js-browse-all = Ver todas las carreras
compare-js-chooser = Elija las carreras que desea comparar
compare-js-add = Añadir una carrera
compare-js-suggestions = Carreras sugeridas
compare-js-help = Escriba parte del título de una carrera y elíjala con las flechas y la tecla Intro, o selecciónela. De dos a cuatro carreras.
compare-js-no-match = Ninguna carrera coincide.
compare-js-matches = { $count ->
    [one] { $count } carrera coincide.
   *[other] { $count } carreras coinciden.
}
compare-js-partial = { $count ->
    [one] { $count } carrera coincide; se muestran las { $shown } primeras. Escriba más para acotar la búsqueda.
   *[other] { $count } carreras coinciden; se muestran las { $shown } primeras. Escriba más para acotar la búsqueda.
}
compare-js-all-chosen = Todas las carreras que coinciden ya están elegidas.
compare-js-suggestions-failed = No se pudieron cargar las sugerencias.
compare-js-at-most = Una comparación muestra como máximo cuatro carreras: quite una primero.
compare-js-added = Se añadió { $title }.
compare-js-removed = Se quitó { $title }.
compare-js-chosen = Carreras elegidas
compare-js-remove = Quitar
compare-js-remove-label = Quitar { $title }
compare-js-caption = Comparación de { $titles }
compare-js-wide = La tabla es más ancha que la pantalla: desplácela hacia los lados para ver todas las carreras.
compare-js-fact = Dato
compare-js-not-known = Sin datos
compare-js-sources = Fuentes:
compare-js-one-more = Añada al menos una carrera más para comparar.
compare-js-two-to-four = Añada de dos a cuatro carreras para verlas lado a lado.
compare-js-load-failed = No se pudieron cargar los datos de esa carrera.
compare-js-missing = { $count ->
    [one] No hay ninguna carrera en { $slugs }: puede que el enlace esté desactualizado.
   *[other] No hay carreras en { $slugs }: puede que los enlaces estén desactualizados.
}
all-careers-js-pages = Páginas de carreras que coinciden
all-careers-js-previous = Anterior
all-careers-js-next = Siguiente
all-careers-js-page = Página { $number } de { $total }
all-careers-js-loading = Cargando todas las carreras…
all-careers-js-none = Ninguna carrera coincide con estos filtros.
all-careers-js-count-of = { $total ->
    [one] { $count } de { $total } carrera
   *[other] { $count } de { $total } carreras
}
all-careers-js-total = { $count ->
    [one] { $count } carrera.
   *[other] { $count } carreras.
}
all-careers-js-matches = { $count ->
    [one] { $count } carrera coincide.
   *[other] { $count } carreras coinciden.
}
all-careers-js-sorted-ascending = Ordenadas por { $column }, de forma ascendente.
all-careers-js-sorted-descending = Ordenadas por { $column }, de forma descendente.
all-careers-js-load-failed = No se pudo cargar la lista de todas las carreras: la tabla muestra solo esta página.
all-careers-js-not-available = no disponible

## Fuentes de datos: nombres y citas de los datos oficiales con que careergen
## completa las guías. `$release` es la edición tal como la escribe el idioma
## («mayo de 2025», «2024–34», «29.2»). Si el sitio da su propia `citation:`
## en config.yaml, se muestra tal cual.

data-oews-name = Estadísticas de Empleo y Salarios por Ocupación (OEWS) del BLS, { $release }
data-oews-citation = Oficina de Estadísticas Laborales de EE. UU. (BLS), Estadísticas de Empleo y Salarios por Ocupación (OEWS), { $release }.
data-oews-state-name = Estadísticas de Empleo y Salarios por Ocupación (OEWS) del BLS, { $release }, estimaciones por estado
data-oews-state-citation = Oficina de Estadísticas Laborales de EE. UU. (BLS), Estadísticas de Empleo y Salarios por Ocupación (OEWS), { $release }, estimaciones por estado.
data-projections-name = Manual de Perspectivas Ocupacionales (OOH) del BLS, edición { $release }
data-projections-citation = Oficina de Estadísticas Laborales de EE. UU. (BLS), Manual de Perspectivas Ocupacionales (OOH), edición { $release }; programa de Proyecciones de Empleo.
data-onet-name = Base de datos O*NET { $release }
data-onet-citation = Esta página incluye información de la base de datos O*NET { $release } del Departamento de Trabajo de EE. UU., Administración de Empleo y Capacitación (USDOL/ETA), usada con la licencia CC BY 4.0. O*NET® es una marca registrada de USDOL/ETA.
data-license-public-domain = Dominio público

## Estados y territorios de EE. UU., por código postal: tabla y mapa de
## salarios por estado, y el estado propio del sitio (`region:`).

state-AL = Alabama
state-AK = Alaska
state-AZ = Arizona
state-AR = Arkansas
state-CA = California
state-CO = Colorado
state-CT = Connecticut
state-DE = Delaware
state-DC = Distrito de Columbia
state-FL = Florida
state-GA = Georgia
state-GU = Guam
state-HI = Hawái
state-ID = Idaho
state-IL = Illinois
state-IN = Indiana
state-IA = Iowa
state-KS = Kansas
state-KY = Kentucky
state-LA = Luisiana
state-ME = Maine
state-MD = Maryland
state-MA = Massachusetts
state-MI = Míchigan
state-MN = Minnesota
state-MS = Misisipi
state-MO = Misuri
state-MT = Montana
state-NE = Nebraska
state-NV = Nevada
state-NH = Nuevo Hampshire
state-NJ = Nueva Jersey
state-NM = Nuevo México
state-NY = Nueva York
state-NC = Carolina del Norte
state-ND = Dakota del Norte
state-OH = Ohio
state-OK = Oklahoma
state-OR = Oregón
state-PA = Pensilvania
state-PR = Puerto Rico
state-RI = Rhode Island
state-SC = Carolina del Sur
state-SD = Dakota del Sur
state-TN = Tennessee
state-TX = Texas
state-UT = Utah
state-VT = Vermont
state-VI = Islas Vírgenes de los Estados Unidos
state-VA = Virginia
state-WA = Washington
state-WV = Virginia Occidental
state-WI = Wisconsin
state-WY = Wyoming
