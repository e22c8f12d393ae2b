"""The demo's Spanish: a sample translation of the English in ``content.py``, nothing more.

Every text here translates the English text it is keyed by (a record's English name, a
condition's or page's slug), sentence for sentence, in plain Spanish for patients in the
United States. It adds no claim, advice or detail of its own. Where the seed's English is
garbled (the scoliosis article was machine-reworded before it reached us), the Spanish
says what the sentence evidently means, never more; README.md ("Demo content") lists
those places. Like the English sample data, the other names below are sample text: direct
translations of the English other names, not names collected from Spanish speakers.

It was not reviewed by a medical translator; each page says so to staff in its
``spanish_note`` (``SAMPLE_TRANSLATION_NOTE``).
"""

from .content import bullets

SAMPLE_TRANSLATION_NOTE = (
    "Sample translation of the seed's English text, made for the demo and marked reviewed "
    "by the demo's practitioner login; not reviewed by a medical translator or the clinic."
)

DISCLAIMER = (
    "<p>El alcance de nuestra información se limita a la quiropráctica y a las lesiones y "
    "afecciones de la columna vertebral. Para hablar de las opciones sobre este tema, no "
    "dude en preguntarle al Dr. Jimenez o en comunicarse con nosotros.</p>"
)

# US professional titles stay as they are written in English.
CREDENTIALS = "DC, APRN"

BODY_REGIONS = {"legs": "Piernas", "upper-back": "Parte superior y media de la espalda"}

# English name -> (Spanish name, Spanish description); the description is empty where
# the English one is.
SYMPTOMS = {
    "Soreness": ("Adolorimiento", ""),
    "Muscle tightening": ("Tensión muscular", ""),
    "Hardening of the muscle": ("Endurecimiento del músculo", ""),
    "Twitching of the muscle": ("Contracciones involuntarias del músculo", ""),
    "Pain": ("Dolor", ""),
    "Strain": ("Sobrecarga", ""),
}

CAUSES = {
    "Dehydration": ("Deshidratación", ""),
    "Peripheral artery disease": ("Enfermedad arterial periférica", ""),
    "Mineral deficiency": ("Deficiencia de minerales", ""),
    "Hypothyroidism": (
        "Hipotiroidismo",
        "Cuando el cuerpo no produce suficiente hormona tiroidea, esto se conoce como "
        "hipotiroidismo.",
    ),
    "Spinal misalignment": ("Desalineación de la columna", ""),
    "Muscle and connective tissue injuries": (
        "Lesiones de los músculos y del tejido conectivo",
        "",
    ),
    "Pregnancy": ("Embarazo", ""),
    "Direct impact on the area": ("Golpe directo en la zona", ""),
    "Injury from a fall, sports, or automobile accident": (
        "Lesión por una caída, por deportes o por un accidente automovilístico",
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
    "Anti-inflammatory diet": ("Dieta antiinflamatoria", ""),
}

# By the English callout's key in ``content.CALLOUTS``.
CALLOUTS = {
    "track-inflammation": dict(
        label_es="Composición corporal",
        title_es=(
            "Seguimiento de la inflamación y de los desequilibrios de líquidos por una "
            "lesión o una cirugía"
        ),
        body_es=(
            "<p>La inflamación puede presentarse con pocos síntomas visibles, o ninguno, "
            "después de una cirugía o una lesión. Medir con precisión el agua del cuerpo "
            "puede detectar la retención de agua y la inflamación, para ayudar en el "
            "tratamiento de rehabilitación. InBody distingue eficazmente el agua en los "
            "siguientes compartimentos, que forman el agua corporal total.</p>"
            "<ul><li><p>Intracelular (ICW, por sus siglas en inglés): dentro de los "
            "tejidos.</p></li>"
            "<li><p>Extracelular (ECW, por sus siglas en inglés): en la sangre y en los "
            "líquidos intersticiales.</p></li>"
            "<li><p>El Índice de Edema (Edema Index) se puede usar para detectar "
            "desequilibrios de líquidos causados por la inflamación de una lesión o por la "
            "recuperación después de una cirugía.</p></li></ul>"
            "<p>Evaluar el equilibrio de líquidos en el cuerpo y en segmentos específicos "
            "puede ayudar a identificar la inflamación y a orientar el tratamiento, para "
            "reducir el riesgo de volver a lesionarse o de tener complicaciones después de "
            "la cirugía. Estas mediciones se dan para todo el cuerpo y pueden determinar "
            "dónde puede haber desequilibrios de líquidos, para un análisis más preciso.</p>"
        ),
    ),
    "prolonged-sitting": dict(
        label_es="Composición corporal",
        title_es="Estar sentado por períodos prolongados",
        body_es=(
            "<h3>Músculos debilitados</h3>"
            "<p>El metabolismo está relacionado con la composición corporal: tener más "
            "músculo aumenta el metabolismo, lo que ayuda a quemar más calorías.</p>"
            "<ul><li><p>Al estar sentado, los músculos de los glúteos, los músculos "
            "abdominales y las piernas se quedan inactivos.</p></li>"
            "<li><p>Estar sentado por períodos largos, día tras día, puede hacer que estos "
            "músculos se deterioren.</p></li>"
            "<li><p>La pérdida constante de músculo en la parte inferior del cuerpo puede "
            "perjudicar la fuerza funcional del cuerpo y, con la edad, aumentar el riesgo de "
            "lesiones.</p></li>"
            "<li><p>Cualquier pérdida de músculo, sobre todo en la parte inferior del "
            "cuerpo, que es el grupo muscular más grande, puede llevar a un aumento "
            "constante de grasa.</p></li></ul>"
            "<h3>La circulación se hace más lenta</h3>"
            "<p>Estar sentado demasiado tiempo también hace más lento el flujo de sangre al "
            "cerebro y a las piernas, y hace que funcionen con más lentitud.</p>"
            "<ul><li><p>Estar sentado sin ponerse de pie puede aumentar el riesgo de que se "
            "formen coágulos de sangre.</p></li>"
            "<li><p>Los coágulos de sangre pueden desprenderse y causar bloqueos en "
            "cualquier parte del cuerpo.</p></li>"
            "<li><p>Un estudio mostró una reducción importante del flujo vascular después "
            "de estar sentado solo tres horas.</p></li>"
            "<li><p>Pero las personas que hicieron pausas y se levantaron a caminar dos "
            "minutos cada hora mostraron una mejor circulación.</p></li></ul>"
        ),
    ),
}

# By the condition's slug. The notes are keyed by the English record name; a record whose
# English note is empty has none here either.
CONDITIONS = {
    "leg-spasms-and-cramping": dict(
        name_es="Espasmos y calambres en las piernas",
        # A direct translation of "Leg cramps". "Charley horse" has no Spanish twin, and
        # none is made up.
        also_called_es=["Calambres en las piernas"],
        summary_es=(
            "Los espasmos y calambres en las piernas son afecciones comunes en las que los "
            "músculos de la pierna de repente se ponen tensos y duelen. Aparecen sin aviso "
            "y pueden causar un dolor insoportable y debilitante. Por lo general ocurren en "
            "los músculos de la pantorrilla, pero pueden afectar cualquier parte de la "
            "pierna, incluidos los pies y los muslos. Después de que pasa el calambre, el "
            "dolor y la sensibilidad al tacto pueden quedarse en la pierna durante varias "
            "horas. Aunque muchos episodios de espasmos en las piernas desaparecen solos, "
            "pueden interrumpir las actividades normales, las rutinas de ejercicio y el "
            "sueño si continúan y no se tratan."
        ),
        symptoms_intro_es=(
            "<p>Un espasmo en la pierna es una contracción o tensión brusca y repentina de "
            "un músculo de la pierna. Puede durar desde unos segundos hasta unos minutos. "
            "Los calambres musculares, en cualquier parte del cuerpo, causan una "
            "contracción repentina del músculo. Es una función involuntaria y puede incluir "
            "los siguientes síntomas:</p>"
        ),
        when_to_get_care_es=(
            "<p>Los espasmos en las piernas suelen ser breves y desaparecen solos, pero se "
            "recomienda buscar tratamiento si se presentan con frecuencia o duran por "
            "períodos prolongados.</p>"
        ),
        causes_intro_es="",
        treatments_intro_es=(
            "<p>El tratamiento adecuado para los espasmos en las piernas depende de la "
            "gravedad y de la causa o causas de fondo. Un quiropráctico puede identificar la "
            "causa y preparar un plan de tratamiento personalizado para aliviar y eliminar "
            "los calambres en las piernas.</p>"
        ),
        symptoms={
            "Soreness": "El adolorimiento y la molestia pueden ir de leves a extremos.",
        },
        causes={
            "Dehydration": bullets(
                "La deshidratación es una causa común de espasmos y dolor en las piernas.",
                "La falta de líquidos puede hacer que las terminaciones nerviosas se vuelvan "
                "más sensibles, lo que desencadena contracciones musculares.",
            ),
            "Mineral deficiency": (
                "<ul><li><p>Cuando el cuerpo suda, pierde agua y electrolitos.</p></li>"
                "<li><p>Cuando el cuerpo tiene pocos electrolitos, hay desequilibrios "
                "de:</p>"
                + bullets("Sodio", "Calcio", "Magnesio", "Potasio")
                + "</li><li><p>Esto puede afectar la transmisión nerviosa y provocar "
                "espasmos musculares.</p></li></ul>"
            ),
            "Hypothyroidism": bullets(
                "Con el tiempo, esta deficiencia puede dañar los nervios que envían señales "
                "del cerebro y de la columna a las piernas.",
                "Puede causar hormigueo, entumecimiento y calambres frecuentes.",
            ),
            "Spinal misalignment": bullets(
                "La desalineación de la columna puede comprimir las raíces nerviosas que "
                "bajan por la pierna.",
                "Esto puede causar dolor que se irradia por la pierna y espasmos, sobre todo "
                "en la parte de atrás del muslo.",
            ),
            "Muscle and connective tissue injuries": bullets(
                "Las lesiones como desgarros, distensiones y esguinces pueden provocar "
                "espasmos y calambres frecuentes en las piernas."
            ),
            "Pregnancy": bullets(
                "En el segundo y el tercer trimestre del embarazo, la deficiencia de calcio "
                "y de magnesio es común y puede provocar espasmos y calambres en las "
                "piernas."
            ),
        },
        treatments={
            "Chiropractic": bullets(
                "Las desalineaciones pueden comprimir las raíces nerviosas que salen de la "
                "columna hacia las piernas.",
                "Esto puede causar dolor que se irradia por la pierna, espasmos en las "
                "piernas o ambos.",
                "Realinear la columna con quiropráctica puede aliviar la presión sobre las "
                "raíces nerviosas comprimidas y calmar la molestia y el dolor en las "
                "piernas.",
                "El quiropráctico también recomendará ejercicios y estiramientos para "
                "fortalecer las piernas y los músculos del tronco.",
            ),
            "Therapeutic massage": bullets(
                "Un fisioterapeuta usará varias técnicas de masaje para relajar los músculos "
                "de las piernas, para prevenir los espasmos y reducir su intensidad.",
                "La terapia de masaje aliviará cualquier inflamación que acompañe a los "
                "espasmos en las piernas, y disminuirá el dolor y la hinchazón en la zona.",
            ),
            "Health coaching": bullets(
                "Los espasmos en las piernas pueden deberse a una deficiencia nutricional.",
                "Como parte del plan de tratamiento, un asesor de salud evaluará la "
                "alimentación de la persona y le sugerirá cambios que ayuden a corregir "
                "cualquier deficiencia nutricional que contribuya a los espasmos y "
                "calambres en las piernas.",
            ),
        },
    ),
    "thoracic-upper-back-pain": dict(
        # Not "dolor torácico": in Spanish that names chest pain.
        name_es="Dolor en la parte superior de la espalda (columna torácica)",
        # Direct translations of "Upper back pain" and "Middle back pain".
        also_called_es=["Dolor de espalda alta", "Dolor en la parte media de la espalda"],
        summary_es=(
            "La parte superior o media de la espalda, la zona de la columna torácica, está "
            "diseñada para dar estabilidad: ancla la caja torácica y protege los órganos que "
            "hay dentro del pecho. Comparada con el cuello y la parte baja de la "
            "espalda, la parte superior de la espalda es muy resistente a las lesiones y al "
            "dolor. Cuando sí aparece dolor en esta zona, por lo general se debe a una mala "
            "postura durante mucho tiempo o a una lesión que supera su resistencia. Es menos "
            "común que el dolor en la parte baja de la espalda y el dolor de cuello, pero sí "
            "afecta a alrededor del 20% de la población, sobre todo a las mujeres. Puede "
            "ocurrir por varias razones, y el tratamiento quiropráctico puede brindar alivio "
            "a largo plazo."
        ),
        symptoms_intro_es=(
            "<p>Este delicado equilibrio y funcionamiento puede crear posibles problemas y "
            "desequilibrios que causan adolorimiento, sobrecarga y dolor.</p>"
        ),
        when_to_get_care_es=(
            "<p>La quiropráctica puede realinear la columna y el cuerpo si usted tiene "
            "cualquiera de lo siguiente:</p>"
            + bullets(
                "Síntomas que siguen regresando aunque use medicamentos.",
                "Los remedios caseros no le dan suficiente alivio.",
                "No puede evitar que aparezcan los síntomas.",
                "Dolor crónico.",
            )
        ),
        causes_intro_es=(
            "<p>Entre las causas de fondo del dolor en la parte superior de la espalda están:</p>"
        ),
        treatments_intro_es=(
            "<p>Nuestra clínica preparará un plan de tratamiento personalizado, adaptado a "
            "las necesidades de cada persona. El tratamiento incluirá:</p>"
        ),
        symptoms={},
        causes={
            "Unhealthy posture": (
                "<p>Posturas o posiciones poco saludables que ponen más presión sobre la "
                "columna y causan desalineación.</p>"
            ),
            "Repetitive motions and overuse": (
                "<p>Movimientos repetitivos y uso excesivo, como jalar, empujar, estirarse "
                "para alcanzar algo y girar el cuerpo.</p>"
            ),
            "Improper shoulder mechanics": (
                "<p>Una mecánica del hombro repetitiva o incorrecta puede provocar "
                "desequilibrio muscular y un movimiento deficiente.</p>"
            ),
            "Muscular irritation": bullets(
                "La irritación muscular suele deberse a músculos sin acondicionamiento y a "
                "falta de fuerza.",
                "El hombro une músculos grandes al omóplato y a la parte de atrás de la caja "
                "torácica.",
                "Son músculos grandes y tienden a sufrir distensiones o tensión.",
            ),
            "Joint dysfunction": bullets(
                "Causada por una lesión repentina.",
                "Degeneración natural de la columna por el envejecimiento.",
                "Desgarro del cartílago de las articulaciones facetarias, de la cápsula "
                "articular o de ambos.",
            ),
        },
        treatments={
            "Spinal adjustments": (
                "<p>Para mejorar la alineación y la integridad de los nervios.</p>"
            ),
            "Posture training": "<p>Para mejorar la alineación de la columna.</p>",
            "Exercise training": "<p>Para restablecer el equilibrio muscular.</p>",
        },
    ),
}

# By the page's English slug.
PAGES = {
    "leg-spasms-and-cramping": dict(
        title_es="Espasmos y calambres en las piernas",
        slug_es="espasmos-y-calambres-en-las-piernas",
        body_es="",
    ),
    "thoracic-upper-back-pain": dict(
        title_es="Dolor en la parte superior de la espalda (columna torácica)",
        slug_es="dolor-en-la-parte-superior-de-la-espalda",
        body_es=(
            "<p>La parte superior de la espalda, la columna torácica, es fundamental para "
            "varias funciones relacionadas con:</p>"
            + bullets(
                "La salud del tejido nervioso",
                "La protección de los órganos",
                "El funcionamiento de los brazos",
                "La mecánica de la respiración",
                "El soporte del tronco",
            )
        ),
    ),
    "pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis": dict(
        title_es=(
            "Los desequilibrios de la pelvis y de las extremidades inferiores pueden causar "
            "escoliosis"
        ),
        slug_es="desequilibrios-de-la-pelvis-y-las-extremidades-inferiores-y-escoliosis",
        summary_es=(
            "Aunque la escoliosis es un trastorno que afecta la columna vertebral, hay "
            "muchas otras circunstancias que podrían ser un factor que impulse la "
            "curvatura. Una de las más frecuentes son los desequilibrios en la pelvis y en "
            "las extremidades inferiores."
        ),
        body_es=(
            # "the top" of the seed is the head; "4 levels" of the tower of Pisa, degrees.
            "<p>En la postura humana erguida ideal, la cabeza debe estar colocada sobre la "
            "línea media de los hombros, la caja torácica, la columna lumbar, la pelvis, las "
            "rodillas, los tobillos y los pies. Cualquier cosa que cause una desviación de "
            "esta colocación ortogonal agrava el desequilibrio de una escoliosis y puede "
            "afectar mucho la postura del cuerpo.</p>"
            "<p>Así como un desequilibrio en la base de un edificio puede causar problemas "
            "en la estructura que está encima (piense en la torre inclinada de Pisa, que "
            "está a solo 4 grados de su estabilidad vertical), los desequilibrios en la "
            "pelvis y en las extremidades inferiores pueden causar problemas en la "
            "integridad estructural de la columna que está encima. Cuando la base no está "
            "nivelada, la columna tiene que adaptarse para mantener los ojos a nivel con el "
            "horizonte.</p>"
            "<h2>Desequilibrios que afectan el avance de la escoliosis</h2>"
            "<p>Estos son algunos de los factores que contribuyen con más frecuencia y que, "
            "si son un problema, deben resolverse para permitir el mejor manejo "
            "conservador de la escoliosis.</p>"
            "<h3>Diferencias en la longitud de las piernas</h3>"
            "<p>Hay dos tipos de diferencias en la longitud de las piernas que los médicos "
            "describen con frecuencia.</p>"
            "<p><strong>Diferencia aparente de longitud de las piernas:</strong> Las piernas "
            "tienen la misma longitud, pero un lado del cuerpo está subiendo la pierna "
            "debido a desequilibrios en los músculos de la pelvis y del tronco de ese "
            "lado.</p>"
            "<p><strong>Diferencia real de longitud de las piernas:</strong> Hay una "
            "diferencia real de longitud entre el lado izquierdo y el derecho.</p>"
            "<p>Cuando hay una diferencia real en la longitud de las piernas, se debe "
            "considerar poner un alza en el zapato del lado más corto, pero solo si agregar "
            "el alza también parece ayudar a mejorar la escoliosis. Si agregar un alza en el "
            "lado más corto empeorara la escoliosis, estaría contraindicada.</p>"
            # "the total amount techniques of the backbone": its overall balance mechanisms.
            "<p>Una pierna corta aparente puede deberse a un desequilibrio en la pelvis o "
            "puede ser un mecanismo de compensación de los mecanismos generales de "
            "equilibrio de la columna. El tratamiento puede incluir ajustes quiroprácticos "
            "para devolver el movimiento a los músculos acortados por la adaptación en las "
            "líneas espirales del cuerpo, en la pelvis; terapia ortogonal del atlas o del "
            "tronco para ayudar a reducir las adaptaciones neurológicas de los mecanismos "
            "posturales de la columna a la pelvis; y técnica de liberación activa (Active "
            "Release).</p>"
            "<h3>Colapso postural del pie y escoliosis</h3>"
            "<p>El pie valgo (pes valgus) es un trastorno que se conoce comúnmente como pie "
            "plano. Puede ocurrir en un solo lado o en ambos, y puede afectar la integridad "
            "del pie y de la extremidad inferior. Cuando los músculos posturales del arco "
            "del pie se debilitan, el pie se aplana hacia adentro. Esto produce una torsión "
            "en la rodilla, la cadera, la pelvis y, finalmente, la columna.</p>"
            "<p>Esta fuerza de torsión puede impulsar el avance de la escoliosis al sumar "
            "fuerzas anormales sobre la columna, y debe tratarse como una forma de ayudar a "
            "mejorar la curvatura.</p>"
            # "strolling … barefoot operating": walking, running.
            "<p>Los ejercicios correctivos para ayudar a recuperar el arco del pie, como el "
            "ejercicio de “pie corto” (Short Foot), caminar descalzo sobre terreno "
            "irregular o incluso correr descalzo, a veces pueden ser muy útiles para ayudar "
            "a recuperar la función biomecánica correcta del arco del pie.</p>"
            "<p>El uso de plantillas ortopédicas hechas a la medida es otro excelente método "
            "para ayudar a mejorar la posición biomecánica del pie, para ayudar con la "
            "torsión de las extremidades inferiores y disminuir los desequilibrios que "
            "pueden estar contribuyendo a la escoliosis, pero solo si la plantilla se "
            "moldea en la posición adecuada.</p>"
            "<h2>Temas adicionales: el dolor por escoliosis y la quiropráctica</h2>"
            "<p>Según estudios de investigación recientes, la atención quiropráctica y el "
            "ejercicio pueden ayudar mucho a corregir la escoliosis. La escoliosis es un "
            "tipo conocido de desalineación de la columna, o subluxación, que se caracteriza "
            "por una curvatura lateral anormal de la columna. Aunque hay dos tipos distintos "
            "de escoliosis, las técnicas de tratamiento quiropráctico, incluidos los ajustes "
            "de la columna y las manipulaciones manuales, son medidas de tratamiento "
            "alternativas seguras y eficaces que han demostrado ayudar a corregir la curva "
            "de la columna y devolverle su función original.</p>"
        ),
    ),
}
