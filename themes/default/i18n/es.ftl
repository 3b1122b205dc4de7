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

## Vocabularios: los valores de requisitos y perspectivas, por su clave

education-no-formal-credential = Sin credencial educativa formal
education-high-school = Diploma de escuela secundaria o equivalente
education-postsecondary-nondegree = Certificado postsecundario sin título
education-some-college = Estudios universitarios sin título
education-associates = Título de asociado
education-bachelors = Licenciatura
education-masters = Maestría
education-doctoral-or-professional = Doctorado o título profesional
education-varies = Varía

experience-none = Ninguna
experience-less-than-5-years = Menos de 5 años
experience-5-years-or-more = 5 años o más
experience-varies = Varía

training-none = Ninguna
training-short-term = Capacitación en el empleo de corta duración
training-moderate-term = Capacitación en el empleo de duración moderada
training-long-term = Capacitación en el empleo de larga duración
training-apprenticeship = Programa de aprendizaje
training-internship-residency = Prácticas o residencia
training-varies = Varía

growth-much-faster-than-average = Mucho más rápido que el promedio
growth-faster-than-average = Más rápido que el promedio
growth-as-fast-as-average = Tan rápido como el promedio
growth-slower-than-average = Más lento que el promedio
growth-little-or-no-change = Poco o ningún cambio
growth-decline = Disminución
