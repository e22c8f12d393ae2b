"""The demo's three pages in Spanish, for the Spanish search tests and benchmark only.

SAMPLE TEXT: a plain translation of the seed's English (``clinic_site/demo/content.py``),
made here so Spanish search can be measured before the demo has Spanish of its own. It
adds no clinical claim and has had no practitioner's review; it is not shipped. The
"also called" names are translations of the English ones ("Leg cramps"); "Charley horse"
has no Spanish twin and gets none. When the demo carries its Spanish (issue 10, item 6),
measure against that instead and retire this file.

``translate_demo()`` writes the Spanish into the demo's records as the admin would (each
record saved, so the change signal runs) and marks the three pages' Spanish reviewed, so
they are public under ``/es/``.
"""

from django.contrib.auth import get_user_model

from articles import translation_status
from articles.models import Article, Callout, Practitioner
from conditions.models import (
    AlternativeName,
    BodyRegion,
    Cause,
    Condition,
    ConditionCause,
    ConditionSymptom,
    ConditionTreatment,
    Symptom,
    Treatment,
)


def bullets(*items):
    return "<ul>" + "".join(f"<li><p>{item}</p></li>" for item in items) + "</ul>"


LEG_SPASMS = "leg-spasms-and-cramping"
THORACIC = "thoracic-upper-back-pain"
SCOLIOSIS = "pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis"

# English slug -> the Spanish slug, as the Spanish queries name the page they expect.
SPANISH_SLUGS = {
    LEG_SPASMS: "espasmos-y-calambres-en-las-piernas",
    THORACIC: "dolor-en-la-parte-alta-de-la-espalda",
    SCOLIOSIS: "desequilibrios-de-la-pelvis-y-las-piernas-pueden-causar-escoliosis",
}

PRACTITIONER_CREDENTIALS = {"Dr. Alex Jimenez": "DC, APRN"}

BODY_REGIONS = {"legs": "Piernas", "upper-back": "Parte alta y media de la espalda"}

# English name -> (Spanish name, Spanish description where the English has one).
SYMPTOMS = {
    "Soreness": ("Dolor muscular", ""),
    "Muscle tightening": ("Tensión del músculo", ""),
    "Hardening of the muscle": ("Endurecimiento del músculo", ""),
    "Twitching of the muscle": ("Movimientos involuntarios del músculo", ""),
    "Pain": ("Dolor", ""),
    "Strain": ("Sobrecarga", ""),
}

CAUSES = {
    "Dehydration": ("Deshidratación", ""),
    "Peripheral artery disease": ("Enfermedad arterial periférica", ""),
    "Mineral deficiency": ("Falta de minerales", ""),
    "Hypothyroidism": (
        "Hipotiroidismo",
        "Cuando el cuerpo no produce suficiente hormona tiroidea, se habla de hipotiroidismo.",
    ),
    "Spinal misalignment": ("Desalineación de la columna", ""),
    "Muscle and connective tissue injuries": (
        "Lesiones de los músculos y del tejido conectivo",
        "",
    ),
    "Pregnancy": ("Embarazo", ""),
    "Direct impact on the area": ("Golpe directo en la zona", ""),
    "Injury from a fall, sports, or automobile accident": (
        "Lesión por una caída, un deporte o un accidente de auto",
        "",
    ),
    "Unhealthy posture": ("Postura poco saludable", ""),
    "Repetitive motions and overuse": ("Movimientos repetitivos y uso excesivo", ""),
    "Improper shoulder mechanics": ("Mecánica incorrecta del hombro", ""),
    "Poor core mechanics": ("Mala mecánica de los músculos del tronco", ""),
    "Nerve dysfunction": ("Disfunción de los nervios", ""),
    "Muscular irritation": ("Irritación muscular", ""),
    "Joint dysfunction": ("Disfunción de las articulaciones", ""),
}

TREATMENTS = {
    "Chiropractic": ("Quiropráctica", ""),
    "Therapeutic massage": ("Masaje terapéutico", ""),
    "Health coaching": ("Asesoría de salud", ""),
    "Spinal adjustments": ("Ajustes de la columna", ""),
    "Posture training": ("Entrenamiento de la postura", ""),
    "Exercise training": ("Entrenamiento con ejercicios", ""),
    "Anti-inflammatory diet": ("Alimentación antiinflamatoria", ""),
}

CONDITIONS = {
    LEG_SPASMS: dict(
        name="Espasmos y calambres en las piernas",
        summary=(
            "Los espasmos y calambres en las piernas son afecciones comunes en las que los "
            "músculos de la pierna se tensan de repente y duelen. Aparecen sin aviso y pueden "
            "causar un dolor insoportable e incapacitante. Suelen darse en los músculos de la "
            "pantorrilla, pero pueden afectar cualquier zona de la pierna, incluidos los pies "
            "y los muslos. Cuando el calambre pasa, el dolor y la sensibilidad pueden quedar "
            "en la pierna durante varias horas. Aunque muchos episodios de espasmos en las "
            "piernas desaparecen solos, pueden alterar las actividades normales, las rutinas "
            "de ejercicio y el sueño si continúan y no se tratan."
        ),
        symptoms_intro=(
            "<p>Un espasmo en la pierna es una contracción o tensión repentina y fuerte de un "
            "músculo de la pierna. Puede durar desde unos segundos hasta unos minutos. Los "
            "calambres musculares en cualquier parte del cuerpo causan una contracción "
            "repentina del músculo. Es una función involuntaria y puede incluir los "
            "siguientes síntomas:</p>"
        ),
        when_to_get_care=(
            "<p>Los espasmos en las piernas suelen ser breves y desaparecen solos, pero se "
            "recomienda buscar tratamiento si se presentan con frecuencia o duran mucho "
            "tiempo.</p>"
        ),
        treatments_intro=(
            "<p>El tratamiento adecuado de los espasmos en las piernas depende de la gravedad "
            "y de la causa o causas. Un quiropráctico puede identificar la causa y preparar "
            "un plan de tratamiento personalizado para aliviar y eliminar los calambres en "
            "las piernas.</p>"
        ),
    ),
    THORACIC: dict(
        name="Dolor en la parte alta de la espalda (zona torácica)",
        summary=(
            "La parte alta o media de la espalda (zona torácica) está hecha para dar "
            "estabilidad: sostiene la caja torácica y protege los órganos del pecho. "
            "Comparada con el cuello y la parte baja de la espalda, la parte alta resiste muy "
            "bien las lesiones y el dolor. Cuando aparece dolor en la parte alta de la "
            "espalda, suele deberse a una mala postura durante mucho tiempo o a una lesión "
            "que supera su firmeza. Es menos común que el dolor de cuello y de la parte baja "
            "de la espalda, pero afecta a alrededor del 20 % de la población, sobre todo a "
            "mujeres. Puede tener muchas causas, y el tratamiento quiropráctico puede dar "
            "alivio a largo plazo."
        ),
        symptoms_intro=(
            "<p>Su delicado equilibrio y funcionamiento pueden dar lugar a problemas y "
            "desequilibrios que causan dolor muscular, sobrecarga y dolor.</p>"
        ),
        when_to_get_care=(
            "<p>La quiropráctica puede realinear la columna y el cuerpo si tiene alguno de "
            "estos problemas:</p>"
            + bullets(
                "Síntomas que vuelven una y otra vez, incluso con medicamentos.",
                "Los remedios caseros no alivian lo suficiente.",
                "No puede evitar que aparezcan los síntomas.",
                "Dolor crónico.",
            )
        ),
        causes_intro="<p>Entre las causas del dolor en la parte alta de la espalda están:</p>",
        treatments_intro=(
            "<p>Nuestra clínica preparará un plan de tratamiento personalizado según las "
            "necesidades de cada persona. El tratamiento incluirá:</p>"
        ),
    ),
}

# Translations of the English "also called" names.
OTHER_NAMES = {
    LEG_SPASMS: ["Calambres en las piernas"],
    THORACIC: ["Dolor de espalda alta", "Dolor de espalda media"],
}

# (condition slug, English record name) -> the Spanish of what the link says.
SYMPTOM_NOTES = {
    (LEG_SPASMS, "Soreness"): "El dolor muscular y las molestias pueden ir de leves a extremos.",
}

CAUSE_NOTES = {
    (LEG_SPASMS, "Dehydration"): bullets(
        "La deshidratación es una causa común de espasmos y dolor en las piernas.",
        "La falta de líquidos puede sensibilizar las terminaciones nerviosas y provocar "
        "contracciones musculares.",
    ),
    (LEG_SPASMS, "Mineral deficiency"): (
        "<ul><li><p>Cuando el cuerpo suda, pierde agua y electrolitos.</p></li>"
        "<li><p>Cuando al cuerpo le faltan electrolitos, hay desequilibrios de:</p>"
        + bullets("Sodio", "Calcio", "Magnesio", "Potasio")
        + "</li><li><p>Esto puede afectar la transmisión de los nervios y causar espasmos "
        "musculares.</p></li></ul>"
    ),
    (LEG_SPASMS, "Hypothyroidism"): bullets(
        "Con el tiempo, esta deficiencia puede dañar los nervios que llevan las señales del "
        "cerebro y la columna a las piernas.",
        "Puede causar hormigueo, entumecimiento y calambres frecuentes.",
    ),
    (LEG_SPASMS, "Spinal misalignment"): bullets(
        "La desalineación de la columna puede comprimir las raíces nerviosas que bajan por "
        "la pierna.",
        "Esto puede causar dolor que se extiende por la pierna y espasmos, sobre todo en la "
        "parte de atrás del muslo.",
    ),
    (LEG_SPASMS, "Muscle and connective tissue injuries"): bullets(
        "Lesiones como desgarros, distensiones y esguinces pueden causar espasmos en las "
        "piernas y calambres frecuentes."
    ),
    (LEG_SPASMS, "Pregnancy"): bullets(
        "En el segundo y el tercer trimestre del embarazo es común que falten calcio y "
        "magnesio, lo que puede causar espasmos y calambres en las piernas."
    ),
    (THORACIC, "Unhealthy posture"): (
        "<p>Posturas o posiciones poco saludables que sobrecargan la columna y causan "
        "desalineación.</p>"
    ),
    (THORACIC, "Repetitive motions and overuse"): (
        "<p>Movimientos repetitivos y uso excesivo, como jalar, empujar, estirarse para "
        "alcanzar algo y girar el tronco.</p>"
    ),
    (THORACIC, "Improper shoulder mechanics"): (
        "<p>Una mecánica del hombro repetitiva o incorrecta puede causar desequilibrio "
        "muscular y malos movimientos.</p>"
    ),
    (THORACIC, "Muscular irritation"): bullets(
        "La irritación muscular suele venir de músculos sin entrenar y de falta de fuerza.",
        "El hombro une músculos grandes al omóplato y a la parte de atrás de la caja torácica.",
        "Son músculos grandes y tienden a sufrir distensiones o rigidez.",
    ),
    (THORACIC, "Joint dysfunction"): bullets(
        "Causada por una lesión repentina.",
        "Desgaste natural de la columna con la edad.",
        "Desgarro del cartílago de las articulaciones facetarias o de la cápsula articular.",
    ),
}

TREATMENT_NOTES = {
    (LEG_SPASMS, "Chiropractic"): bullets(
        "Las desalineaciones pueden comprimir las raíces nerviosas que salen de la columna "
        "hacia las piernas.",
        "Esto puede causar dolor que se extiende por la pierna o espasmos en las piernas.",
        "Realinear con quiropráctica puede aliviar la presión sobre las raíces nerviosas "
        "comprimidas y calmar las molestias y el dolor de las piernas.",
        "El quiropráctico también recomendará ejercicios y estiramientos para fortalecer las "
        "piernas y los músculos del tronco.",
    ),
    (LEG_SPASMS, "Therapeutic massage"): bullets(
        "Un fisioterapeuta usará varias técnicas de masaje para relajar los músculos de las "
        "piernas, prevenir los espasmos y reducir su intensidad.",
        "La terapia de masaje aliviará la inflamación que acompaña a los espasmos en las "
        "piernas y disminuirá el dolor y la hinchazón de la zona.",
    ),
    (LEG_SPASMS, "Health coaching"): bullets(
        "Los espasmos en las piernas pueden deberse a deficiencias de nutrición.",
        "Como parte del plan de tratamiento, un asesor de salud evaluará la alimentación de "
        "la persona y sugerirá cambios que ayuden a corregir las deficiencias de nutrición "
        "que contribuyen a los espasmos y calambres en las piernas.",
    ),
    (THORACIC, "Spinal adjustments"): (
        "<p>Para mejorar la alineación de la columna y el buen estado de los nervios.</p>"
    ),
    (THORACIC, "Posture training"): "<p>Para mejorar la alineación de la columna.</p>",
    (THORACIC, "Exercise training"): "<p>Para recuperar el equilibrio muscular.</p>",
}

# English title -> Spanish label, title and body.
CALLOUTS = {
    "Track Inflammation and Fluid Imbalances From Injury or Surgery": dict(
        label="Composición corporal",
        title="Controle la inflamación y los desequilibrios de líquidos tras una lesión o cirugía",
        body=(
            "<p>La inflamación puede aparecer con pocos síntomas visibles, o ninguno, después "
            "de una cirugía o una lesión. Medir con precisión el agua del cuerpo puede "
            "detectar la retención de líquidos y la inflamación para ayudar en la "
            "rehabilitación. InBody distingue bien el agua de los siguientes compartimentos, "
            "que forman el agua corporal total.</p>"
            "<ul><li><p>Intracelular (ICW): dentro de los tejidos.</p></li>"
            "<li><p>Extracelular (ECW): en la sangre y los líquidos intersticiales.</p></li>"
            "<li><p>El índice de edema sirve para detectar desequilibrios de líquidos causados "
            "por la inflamación de una lesión o durante la recuperación de una cirugía."
            "</p></li></ul>"
            "<p>Evaluar el equilibrio de líquidos en todo el cuerpo y en zonas concretas puede "
            "ayudar a identificar la inflamación y a orientar el tratamiento, para reducir el "
            "riesgo de volver a lesionarse o de complicaciones después de una cirugía. Estas "
            "mediciones se dan para todo el cuerpo y pueden mostrar dónde hay desequilibrios "
            "de líquidos, para un análisis más preciso.</p>"
        ),
    ),
    "Sitting For Prolonged Periods": dict(
        label="Composición corporal",
        title="Estar sentado durante mucho tiempo",
        body=(
            "<h3>Músculos debilitados</h3>"
            "<p>El metabolismo está ligado a la composición corporal: más músculo aumenta el "
            "metabolismo y ayuda a quemar más calorías.</p>"
            "<ul><li><p>Al estar sentado, los glúteos, los músculos abdominales y las piernas "
            "quedan inactivos.</p></li>"
            "<li><p>Estar sentado durante mucho tiempo, día tras día, puede hacer que estos "
            "músculos se deterioren.</p></li>"
            "<li><p>La pérdida constante de músculo en la parte inferior del cuerpo puede "
            "dañar la fuerza funcional del cuerpo y, con la edad, aumentar el riesgo de "
            "lesiones.</p></li>"
            "<li><p>Cualquier pérdida de músculo, sobre todo en la parte inferior del cuerpo, "
            "que es el grupo muscular más grande, puede llevar a un aumento constante de "
            "grasa.</p></li></ul>"
            "<h3>La circulación se vuelve más lenta</h3>"
            "<p>Estar sentado demasiado tiempo también hace más lento el flujo de sangre al "
            "cerebro y a las piernas, que se vuelven perezosos.</p>"
            "<ul><li><p>Estar sentado sin ponerse de pie puede aumentar el riesgo de que se "
            "formen coágulos de sangre.</p></li>"
            "<li><p>Los coágulos pueden soltarse y causar bloqueos en todo el cuerpo.</p></li>"
            "<li><p>Un estudio mostró una reducción importante del flujo vascular después de "
            "estar sentado solo tres horas.</p></li>"
            "<li><p>Pero las personas que hicieron pausas y se levantaron a caminar dos "
            "minutos cada hora mostraron una mejor circulación.</p></li></ul>"
        ),
    ),
}

# English slug -> Spanish title, summary and body of the page itself.
PAGES = {
    LEG_SPASMS: dict(title="Espasmos y calambres en las piernas"),
    THORACIC: dict(
        title="Dolor en la parte alta de la espalda (zona torácica)",
        body=(
            "<p>La parte alta de la espalda es fundamental para varias funciones "
            "relacionadas con:</p>"
            + bullets(
                "La salud del tejido nervioso",
                "La protección de los órganos",
                "La función de los brazos",
                "La mecánica de la respiración",
                "El sostén del tronco",
            )
        ),
    ),
    SCOLIOSIS: dict(
        title=(
            "Los desequilibrios de la pelvis y de las extremidades inferiores pueden causar "
            "escoliosis"
        ),
        summary=(
            "Aunque la escoliosis es un trastorno que afecta la columna vertebral, hay muchas "
            "otras circunstancias que pueden contribuir a la curvatura. Una de las más "
            "frecuentes son los desequilibrios de la pelvis y de las extremidades inferiores."
        ),
        body=(
            "<p>En una postura humana erguida óptima, la parte superior debe quedar sobre la "
            "línea media de los hombros, la caja torácica, la columna lumbar, la pelvis, las "
            "rodillas, los tobillos y los pies. Cualquier cosa que cause una desviación de "
            "esta posición ortogonal agrava el desequilibrio de una escoliosis y puede "
            "afectar mucho la postura del cuerpo.</p>"
            "<p>Así como un desequilibrio en la base de un edificio puede causar problemas en "
            "la estructura de arriba, como la torre inclinada de Pisa, que está solo 4 "
            "niveles fuera de su estabilidad vertical, los desequilibrios de la pelvis y de "
            "las extremidades inferiores pueden causar problemas en la integridad "
            "estructural de la columna que está encima. Cuando la base no está nivelada, la "
            "columna debe adaptarse para mantener los ojos a nivel con el horizonte.</p>"
            "<h2>Desequilibrios que afectan el avance de la escoliosis</h2>"
            "<p>Estos son algunos de los factores más comunes que, si son un problema, deben "
            "resolverse para permitir un manejo conservador óptimo de la escoliosis.</p>"
            "<h3>Diferencias en la longitud de las piernas</h3>"
            "<p>Hay dos tipos de diferencias en la longitud de las piernas que los médicos "
            "suelen describir.</p>"
            "<p><strong>Diferencia aparente de longitud de las piernas:</strong> Las piernas "
            "tienen la misma longitud, pero un lado del cuerpo sube la pierna por "
            "desequilibrios en los músculos de la pelvis y del tronco de ese lado.</p>"
            "<p><strong>Diferencia real de longitud de las piernas:</strong> Hay una "
            "diferencia real de longitud entre la izquierda y la derecha.</p>"
            "<p>Cuando hay una diferencia real de longitud, se debe pensar en poner un alza "
            "en el zapato del lado más corto, pero solo si el alza también parece ayudar a "
            "mejorar la escoliosis. Si añadir un alza del lado más corto empeorara la "
            "escoliosis, estaría contraindicado.</p>"
            "<p>Una pierna que parece más corta puede deberse a un desequilibrio de la pelvis "
            "o ser un mecanismo de compensación de la columna. El tratamiento puede incluir "
            "ajustes quiroprácticos para recuperar el movimiento de los músculos acortados de "
            "las líneas espirales del cuerpo en la pelvis y el atlas, o terapia ortogonal del "
            "tronco para reducir las adaptaciones neurológicas de los mecanismos posturales "
            "de la columna y la pelvis, y tratamiento de liberación activa.</p>"
            "<h3>Colapso postural del pie y escoliosis</h3>"
            "<p>El pes valgus es un trastorno conocido comúnmente como pie plano. Puede darse "
            "en un lado o en ambos, y puede afectar la integridad del pie y de la extremidad "
            "inferior. Cuando los músculos posturales del arco del pie se debilitan, el pie "
            "se aplana hacia adentro. Esto causa una torsión en la rodilla, la cadera, la "
            "pelvis y, al final, la columna.</p>"
            "<p>Esta fuerza de torsión puede impulsar el avance de la escoliosis al sumar "
            "fuerzas anormales a la columna, y debe tratarse para ayudar a mejorar la "
            "curvatura.</p>"
            "<p>Los ejercicios correctivos para recuperar el arco del pie, como el ejercicio "
            "de pie corto (Short Foot), caminar descalzo sobre terreno irregular o incluso "
            "correr descalzo, a veces pueden ser muy útiles para recuperar la función "
            "biomecánica correcta del arco del pie.</p>"
            "<p>Las plantillas ortopédicas a medida son otro método excelente para mejorar la "
            "posición biomecánica del pie, ayudar a corregir la torsión de las extremidades "
            "inferiores y disminuir los desequilibrios que pueden contribuir a la escoliosis, "
            "pero solo si la plantilla se moldea en la posición correcta.</p>"
            "<h2>Otros temas: dolor por escoliosis y quiropráctica</h2>"
            "<p>Según estudios recientes, la atención quiropráctica y el ejercicio pueden "
            "ayudar mucho a corregir la escoliosis. La escoliosis es un tipo conocido de "
            "desalineación de la columna, o subluxación, que se caracteriza por una curvatura "
            "lateral anormal de la columna. Aunque hay dos tipos distintos de escoliosis, las "
            "técnicas de tratamiento quiropráctico, como los ajustes de la columna y las "
            "manipulaciones manuales, son medidas de tratamiento alternativas seguras y "
            "eficaces que han demostrado ayudar a corregir la curva de la columna y a "
            "recuperar su función original.</p>"
        ),
    ),
}


def _save_spanish(instance, **spanish):
    for name, text in spanish.items():
        setattr(instance, f"{name}_es", text)
    instance.save()


def _records(model, translations):
    for english, (name, description) in translations.items():
        _save_spanish(model.objects.get(name=english), name=name, description=description)


def _notes(link_model, field, notes):
    for (condition_slug, english), note in notes.items():
        link = link_model.objects.get(condition__slug=condition_slug, **{f"{field}__name": english})
        _save_spanish(link, note=note)


def translate_demo():
    """Give the loaded demo its sample Spanish and mark the three pages' Spanish reviewed.
    Returns the three pages, English slug -> Article."""
    for name, credentials in PRACTITIONER_CREDENTIALS.items():
        _save_spanish(Practitioner.objects.get(name=name), credentials=credentials)
    for slug, name in BODY_REGIONS.items():
        _save_spanish(BodyRegion.objects.get(slug=slug), name=name)
    _records(Symptom, SYMPTOMS)
    _records(Cause, CAUSES)
    _records(Treatment, TREATMENTS)
    for slug, fields in CONDITIONS.items():
        condition = Condition.objects.get(slug=slug)
        _save_spanish(condition, **fields)
        for order, name in enumerate(OTHER_NAMES.get(slug, [])):
            AlternativeName.objects.create(
                condition=condition, language="es", name=name, order=order
            )
    _notes(ConditionSymptom, "symptom", SYMPTOM_NOTES)
    _notes(ConditionCause, "cause", CAUSE_NOTES)
    _notes(ConditionTreatment, "treatment", TREATMENT_NOTES)
    for english_title, fields in CALLOUTS.items():
        _save_spanish(Callout.objects.get(title=english_title), **fields)

    reviewer = get_user_model().objects.filter(username="practitioner").first()
    pages = {}
    for slug, fields in PAGES.items():
        article = Article.objects.get(slug=slug)
        _save_spanish(article, slug=SPANISH_SLUGS[slug], **fields)
        translation_status.mark_reviewed(article, reviewer)
        pages[slug] = Article.objects.get(pk=article.pk)
    return pages
