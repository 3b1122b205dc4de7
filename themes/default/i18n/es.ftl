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
