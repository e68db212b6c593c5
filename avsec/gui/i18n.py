"""Translations of the desktop app's own strings (checklist text comes from the YAML).

A small gettext-style catalogue keyed by the English string: ``tr("Open…")`` returns the
string in the current language, or the English key when no translation exists. Qt's own
translation machinery needs compiled .qm files and a lupdate tool chain for two languages'
worth of strings; a dict keeps startup cheap and adding Portuguese or French is adding a
catalogue, not code. ``tests/gui/test_i18n.py`` fails when a ``tr()`` literal lacks Spanish.
"""

from __future__ import annotations

LANGUAGES = ("en", "es")
#: Language names as their speakers write them (shown untranslated in the preferences).
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

_current = "en"


def set_language(lang: str) -> None:
    """Choose the language of every string returned by :func:`tr` from now on."""
    global _current
    _current = lang if lang in LANGUAGES else "en"


def language() -> str:
    """The current language code."""
    return _current


def number(value: float, decimals: int = 1) -> str:
    """A number as the current language writes it: 1 234.5 in English, 1 234,5 in Spanish.

    Thousands are grouped with a narrow no-break space (the SI and ICAO style), which reads
    the same in both languages.
    """
    text = f"{value:,.{decimals}f}".replace(",", "\u202f")
    return text.replace(".", ",") if _current == "es" else text


def tr(text: str) -> str:
    """Return ``text`` (an English string) in the current language."""
    if _current == "en":
        return text
    return CATALOGUES.get(_current, {}).get(text, text)


# Spanish terms follow GLOSSARY.md (parte aeronáutica, zona de seguridad restringida, hallazgo,
# plan de mejora, conforme / parcialmente conforme / no conforme / no aplicable / no evaluado).
ES: dict[str, str] = {
    # --- menus and actions -------------------------------------------------------------------
    "&File": "&Archivo",
    "&Edit": "&Edición",
    "&View": "&Ver",
    "&Checklist": "&Lista",
    "&Map": "&Mapa",
    "&Outline": "&Plan",
    "&Workshop": "&Taller",
    "&Help": "A&yuda",
    "New assessment…": "Nueva evaluación…",
    "Open…": "Abrir…",
    "Open training airport": "Abrir aeropuerto de entrenamiento",
    "Close assessment": "Cerrar evaluación",
    "Write report (PDF)…": "Generar informe (PDF)…",
    "Quit": "Salir",
    "Undo": "Deshacer",
    "Redo": "Rehacer",
    "Undo {}": "Deshacer {}",
    "Redo {}": "Rehacer {}",
    "Preferences…": "Preferencias…",
    "Checklist": "Lista de verificación",
    "Map": "Mapa",
    "Dashboard": "Panel",
    "Improvement outline": "Plan de mejora",
    "Compliant": "Conforme",
    "Partially compliant": "Parcialmente conforme",
    "Not compliant": "No conforme",
    "Not applicable": "No aplicable",
    "Not assessed": "No evaluado",
    "Next item": "Elemento siguiente",
    "Previous item": "Elemento anterior",
    "Filter…": "Filtrar…",
    "Add photo…": "Añadir foto…",
    "Select and edit": "Seleccionar y editar",
    "Fit to layout": "Ajustar al plano",
    "Zoom in": "Acercar",
    "Zoom out": "Alejar",
    "Analyse": "Analizar",
    "Delete feature": "Eliminar elemento",
    "Import GeoJSON…": "Importar GeoJSON…",
    "Import OpenStreetMap…": "Importar OpenStreetMap…",
    "Background image…": "Imagen de fondo…",
    "Remove background image": "Quitar imagen de fondo",
    "Regenerate from gaps": "Regenerar a partir de brechas",
    "Add action": "Añadir medida",
    "Delete action": "Eliminar medida",
    "Compare teams…": "Comparar equipos…",
    "Keyboard shortcuts": "Atajos de teclado",
    "About avsec": "Acerca de avsec",
    "Draw": "Dibujar",
    "Draw an airside zone (polygon)": "Dibujar una zona de la parte aeronáutica (polígono)",
    "Draw a security restricted area (polygon)": "Dibujar una zona de seguridad restringida (polígono)",
    "Draw a critical part of an SRA (polygon)": "Dibujar una parte crítica de una ZSR (polígono)",
    "Draw a landside zone (polygon)": "Dibujar una zona de la parte pública (polígono)",
    "Draw a building (polygon)": "Dibujar un edificio (polígono)",
    "Draw a parking area (polygon)": "Dibujar un estacionamiento (polígono)",
    "Draw a barrier: fence, wall (line)": "Dibujar una barrera: cerca, muro (línea)",
    "Draw a road (line)": "Dibujar una vía (línea)",
    "Place an access point (point)": "Situar un punto de acceso (punto)",
    "Place an obstacle: tree, pole, container (point)": (
        "Situar un obstáculo: árbol, poste, contenedor (punto)"
    ),
    # --- undo texts ----------------------------------------------------------------------------
    "Set {item} to {status}": "Establecer {item} en {status}",
    "Edit notes of {item}": "Editar notas de {item}",
    "Add photo to {item}": "Añadir foto a {item}",
    "Remove photo from {item}": "Quitar foto de {item}",
    "Add {kind}": "Añadir {kind}",
    "Delete {kind}": "Eliminar {kind}",
    "Edit {kind}": "Editar {kind}",
    "Move vertices of {kind}": "Mover vértices de {kind}",
    "Edit action {title}": "Editar medida {title}",
    "Edit assessment details": "Editar datos de la evaluación",
    "Import {count} features from {name}": "Importar {count} elementos de {name}",
    "Replace the layout with {name}": "Reemplazar el plano por {name}",
    "Regenerate the improvement outline": "Regenerar el plan de mejora",
    # --- start page ----------------------------------------------------------------------------
    "Airport access control assessment": "Evaluación del control de acceso al aeropuerto",
    "New assessment": "Nueva evaluación",
    "Airport": "Aeropuerto",
    "ICAO, IATA, name or city": "OACI, IATA, nombre o ciudad",
    "Custom airport…": "Aeropuerto personalizado…",
    "Title": "Título",
    "Team": "Equipo",
    "Names separated by commas": "Nombres separados por comas",
    "Create…": "Crear…",
    "Recent assessments": "Evaluaciones recientes",
    "No recent assessments yet.": "Aún no hay evaluaciones recientes.",
    "Open the selected file": "Abrir el archivo seleccionado",
    "Training airport": "Aeropuerto de entrenamiento",
    "Open the bundled training airport (demo) to try every view.": (
        "Abra el aeropuerto de entrenamiento incluido (demo) para probar todas las vistas."
    ),
    "Open demo": "Abrir demo",
    "The demo is not installed in this build.": "La demo no está instalada en esta versión.",
    "Choose an airport from the list first (type a code, name or city).": (
        "Elija primero un aeropuerto de la lista (escriba un código, nombre o ciudad)."
    ),
    "{name} access control": "Control de acceso de {name}",
    "Save the new assessment as": "Guardar la nueva evaluación como",
    "Avsec assessments (*.avsec)": "Evaluaciones avsec (*.avsec)",
    "Open an assessment": "Abrir una evaluación",
    "Name": "Nombre",
    "Latitude": "Latitud",
    "Longitude": "Longitud",
    "ICAO code (optional)": "Código OACI (opcional)",
    "City": "Ciudad",
    "Country": "País",
    "Give the airport a name.": "Indique el nombre del aeropuerto.",
    "(file missing)": "(archivo no encontrado)",
    # --- walker --------------------------------------------------------------------------------
    "Filter": "Filtro",
    "Text": "Texto",
    "Search questions, guidance and notes": "Buscar en preguntas, orientación y notas",
    "Any status": "Cualquier estado",
    "Any area": "Cualquier área",
    "Any weight": "Cualquier peso",
    "Clear": "Borrar",
    "{shown} of {total} items": "{shown} de {total} elementos",
    "Question": "Pregunta",
    "Guidance": "Orientación",
    "Evidence to look for": "Evidencia que buscar",
    "References": "Referencias",
    "Status": "Estado",
    "Notes": "Notas",
    "Photos": "Fotos",
    "Geometry findings": "Hallazgos geométricos",
    "Weight": "Peso",
    "minor": "menor",
    "major": "mayor",
    "critical": "crítico",
    "Unconfirmed provision: check the current edition.": (
        "Disposición no confirmada: verifique la edición vigente."
    ),
    "What you saw, who you asked, what documents you checked…": (
        "Lo que vio, a quién preguntó, qué documentos revisó…"
    ),
    "Suggested status: {status}": "Estado sugerido: {status}",
    "Use suggested status": "Usar el estado sugerido",
    "No geometry finding concerns this item. Run Analyse on the map.": (
        "Ningún hallazgo geométrico afecta a este elemento. Ejecute Analizar en el mapa."
    ),
    "Show on map": "Mostrar en el mapa",
    "Drop photos here or use Add photo…": "Suelte fotos aquí o use Añadir foto…",
    "Remove photo": "Quitar foto",
    "Open photo": "Abrir foto",
    "Choose photos": "Elegir fotos",
    "Images (*.jpg *.jpeg *.png)": "Imágenes (*.jpg *.jpeg *.png)",
    "Taken {when}": "Tomada el {when}",
    "GPS {lat}, {lon}": "GPS {lat}, {lon}",
    "No GPS position": "Sin posición GPS",
    "Item {item} of {total}": "Elemento {item} de {total}",
    "Keys: 1-5 status · J/K next/previous · Ctrl+F filter": (
        "Teclas: 1-5 estado · J/K siguiente/anterior · Ctrl+F filtrar"
    ),
    # --- provisions ----------------------------------------------------------------------------
    "Provision {id}": "Disposición {id}",
    "Standard": "Norma",
    "Recommended Practice": "Método recomendado",
    "Regulation": "Reglamento",
    "Guidance material": "Texto de orientación",
    "Summary in our own words; read the source document for the exact text.": (
        "Resumen en nuestras palabras; consulte el documento fuente para el texto exacto."
    ),
    "Crosswalk": "Correspondencias",
    "Related provision": "Disposición relacionada",
    "Relationship": "Relación",
    "Rationale": "Justificación",
    "equal": "equivalente",
    "subset": "subconjunto",
    "superset": "superconjunto",
    "intersect": "intersección",
    "No crosswalk mapping names this provision.": (
        "Ninguna correspondencia menciona esta disposición."
    ),
    "{id} is not in the provision catalogue.": "{id} no está en el catálogo de disposiciones.",
    "The provision catalogue could not be loaded: {error}": (
        "No se pudo cargar el catálogo de disposiciones: {error}"
    ),
    "Confidence: unconfirmed": "Confianza: no confirmada",
    # --- map -----------------------------------------------------------------------------------
    "Layers": "Capas",
    "Tools": "Herramientas",
    "Attributes": "Atributos",
    "Findings": "Hallazgos",
    "Background": "Fondo",
    "Select a feature to see its attributes.": "Seleccione un elemento para ver sus atributos.",
    "Kind": "Tipo",
    "(not set)": "(sin definir)",
    "yes": "sí",
    "no": "no",
    "Delete": "Eliminar",
    "Click to add points; double-click or Enter to finish; Esc cancels; Backspace undoes a point.": (
        "Haga clic para añadir puntos; doble clic o Intro para terminar; Esc cancela; "
        "Retroceso quita un punto."
    ),
    "Click to place the point; Esc cancels.": "Haga clic para situar el punto; Esc cancela.",
    "Drag to pan, wheel to zoom; drag a vertex to move it, double-click an edge to add one.": (
        "Arrastre para desplazar, rueda para acercar; arrastre un vértice para moverlo, doble "
        "clic en un borde para añadir uno."
    ),
    "Run Analyse to check the layout against the geometry rules.": (
        "Ejecute Analizar para comprobar el plano con las reglas geométricas."
    ),
    "No findings: the layout passes every geometry rule.": (
        "Sin hallazgos: el plano cumple todas las reglas geométricas."
    ),
    "{count} findings": "{count} hallazgos",
    "The layout changed since the last analysis: run Analyse again.": (
        "El plano cambió desde el último análisis: ejecute Analizar de nuevo."
    ),
    "Checklist items": "Elementos de la lista",
    "The geometry analysis is not available in this build.": (
        "El análisis geométrico no está disponible en esta versión."
    ),
    "The layout import is not available in this build.": (
        "La importación del plano no está disponible en esta versión."
    ),
    "Analysis failed: {error}": "El análisis falló: {error}",
    "Import {name}": "Importar {name}",
    "{name} holds {count} features. Add them to the layout or replace the layout?": (
        "{name} contiene {count} elementos. ¿Añadirlos al plano o reemplazar el plano?"
    ),
    "Add": "Añadir",
    "Replace": "Reemplazar",
    "Cancel": "Cancelar",
    "{name} holds no features avsec can use.": "{name} no contiene elementos utilizables.",
    "GeoJSON (*.geojson *.json)": "GeoJSON (*.geojson *.json)",
    "Import warnings": "Avisos de importación",
    "Choose a background image": "Elegir una imagen de fondo",
    "Place the background image": "Situar la imagen de fondo",
    "No world file found next to the image: click two points on the image whose position you "
    "know and type their latitude and longitude.": (
        "No hay archivo de georreferencia junto a la imagen: haga clic en dos puntos de la imagen "
        "cuya posición conozca y escriba su latitud y longitud."
    ),
    "Point {n}": "Punto {n}",
    "click on the image": "haga clic en la imagen",
    "pixel {x}, {y}": "píxel {x}, {y}",
    "Place two distinct points and give both their latitude and longitude.": (
        "Sitúe dos puntos distintos e indique la latitud y la longitud de ambos."
    ),
    "Photo": "Foto",
    "{n} m": "{n} m",
    "{n} km": "{n} km",
    "Finding {n}": "Hallazgo {n}",
    "Photo {name}": "Foto {name}",
    "The file has no layout yet: draw zones, barriers and access points with the drawing tools "
    "on the left, or import GeoJSON / OpenStreetMap.": (
        "El archivo aún no tiene plano: dibuje zonas, barreras y puntos de acceso con las "
        "herramientas de dibujo de la izquierda, o importe GeoJSON / OpenStreetMap."
    ),
    # --- dashboard ---------------------------------------------------------------------------
    "Coverage": "Cobertura",
    "Effective Implementation (EI)": "Aplicación eficaz (EI)",
    "Weighted score": "Puntuación ponderada",
    "Scores by area": "Puntuaciones por área",
    "Top gaps by priority": "Principales brechas por prioridad",
    "Item": "Elemento",
    "Priority": "Prioridad",
    "Area": "Área",
    "No gaps yet: answer items or run Analyse.": (
        "Aún no hay brechas: responda elementos o ejecute Analizar."
    ),
    "The score chart is not available in this build.": (
        "El gráfico de puntuaciones no está disponible en esta versión."
    ),
    "{assessed} of {applicable} applicable items assessed": (
        "{assessed} de {applicable} elementos aplicables evaluados"
    ),
    # --- outline -------------------------------------------------------------------------------
    "Action": "Medida",
    "Horizon": "Plazo",
    "Owner": "Responsable",
    "Due": "Vencimiento",
    "Items": "Elementos",
    "immediate": "inmediato",
    "short (≤ 3 months)": "corto (≤ 3 meses)",
    "medium (≤ 12 months)": "medio (≤ 12 meses)",
    "long": "largo",
    "open": "abierta",
    "in progress": "en curso",
    "done": "terminada",
    "cancelled": "cancelada",
    "New action": "Nueva medida",
    "No actions yet: press Regenerate from gaps once items are answered.": (
        "Aún no hay medidas: pulse Regenerar a partir de brechas cuando haya respuestas."
    ),
    "{count} actions · edited fields survive regeneration": (
        "{count} medidas · los campos editados se conservan al regenerar"
    ),
    "edited": "editada",
    # --- feature kinds and fields ------------------------------------------------------------
    "airside": "parte aeronáutica",
    "SRA": "ZSR",
    "critical part": "parte crítica",
    "landside": "parte pública",
    "building": "edificio",
    "parking": "estacionamiento",
    "barrier": "barrera",
    "road": "vía",
    "access point": "punto de acceso",
    "obstacle": "obstáculo",
    "name": "nombre",
    "role": "función",
    "height (m)": "altura (m)",
    "topping": "remate",
    "condition": "estado",
    "lighting": "iluminación",
    "CCTV": "CCTV",
    "intrusion detection": "detección de intrusión",
    "mode": "modo",
    "control": "control",
    "screening": "inspección",
    "terminal": "terminal",
    "cargo": "carga",
    "hangar": "hangar",
    "other": "otro",
    "fence": "cerca",
    "wall": "muro",
    "natural": "natural",
    "none": "ninguno",
    "barbed wire": "alambre de púas",
    "razor wire": "alambre de cuchillas",
    "good": "bueno",
    "damaged": "dañado",
    "pedestrian": "peatonal",
    "vehicle": "vehicular",
    "mixed": "mixto",
    "staffed": "con personal",
    "electronic": "electrónico",
    "locked": "cerrado con llave",
    "uncontrolled": "sin control",
    "tree": "árbol",
    "vegetation": "vegetación",
    "pole": "poste",
    "structure": "estructura",
    "container": "contenedor",
    # --- rules ---------------------------------------------------------------------------------
    "Perimeter gap": "Abertura en el perímetro",
    "Barrier below minimum height": "Barrera por debajo de la altura mínima",
    "Uncontrolled road crossing": "Cruce de vía sin control",
    "Uncontrolled access point": "Punto de acceso sin control",
    "Access point off the boundary": "Punto de acceso fuera del límite",
    "SRA outside airside": "ZSR fuera de la parte aeronáutica",
    "Critical part outside SRA": "Parte crítica fuera de la ZSR",
    "Clear zone obstruction": "Obstrucción en la zona despejada",
    # --- dialogs, preferences, messages --------------------------------------------------------
    "Preferences": "Preferencias",
    "Language": "Idioma",
    "Your name in the changes journal": "Su nombre en el registro de cambios",
    "The language applies to menus, dialogs and checklist text.": (
        "El idioma se aplica a menús, diálogos y texto de la lista."
    ),
    "Cannot open {name}": "No se puede abrir {name}",
    "Cannot save the change": "No se puede guardar el cambio",
    "Cannot create the assessment": "No se puede crear la evaluación",
    "Cannot add the photo": "No se puede añadir la foto",
    "Cannot import": "No se puede importar",
    "Error": "Error",
    "Saved {time}": "Guardado {time}",
    "Every change is saved to the file as you make it.": (
        "Cada cambio se guarda en el archivo en el momento."
    ),
    "Migrated {name} to the current format; a backup of the original is at {backup}.": (
        "{name} se actualizó al formato actual; hay una copia del original en {backup}."
    ),
    "Compare teams": "Comparar equipos",
    "The team comparison view is not available in this build.": (
        "La vista de comparación de equipos no está disponible en esta versión."
    ),
    "Choose the answer key": "Elegir la clave de respuestas",
    "Choose the team files": "Elegir los archivos de los equipos",
    "Report written to {path}": "Informe escrito en {path}",
    "Save the report as": "Guardar el informe como",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "The PDF report is not available in this build.": (
        "El informe PDF no está disponible en esta versión."
    ),
    "Shortcut": "Atajo",
    "Offline toolkit for assessing airport access control against ICAO Annex 17.": (
        "Herramienta sin conexión para evaluar el control de acceso en aeropuertos según el "
        "Anexo 17 de la OACI."
    ),
    "Version {version}": "Versión {version}",
    "Close": "Cerrar",
    "OK": "Aceptar",
    "Working…": "Procesando…",
    "Exercise": "Ejercicio",
    "Answer key": "Clave de respuestas",
    "Team {name}": "Equipo {name}",
    "Lon {lon:.6f}  Lat {lat:.6f}": "Lon {lon:.6f}  Lat {lat:.6f}",
}

CATALOGUES: dict[str, dict[str, str]] = {"es": ES}
