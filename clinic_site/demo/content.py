"""The demo content: the three seed pages of a real clinic, rebuilt as records.

Every clinical sentence here comes from the seed (the clinic's published pages), with
broken characters repaired by hand. Nothing clinical is added. Opening hours and the
holiday closure are sample data (the seed gives none) and are marked as such in the README.
The Spanish is in ``spanish.py``.
"""

from datetime import date, time

from clinic_site.roles import PRACTITIONERS, RECEPTIONISTS

CLINIC = {
    "name": "Injury Medical Chiropractic and Functional Medicine Clinic",
    "phone": "+1-915-850-0900",
    "email": "spinedoctors@gmail.com",
    "disclaimer": (
        "<p>The scope of our information is limited to chiropractic and spinal injuries "
        "and conditions. To discuss options on the subject matter, please feel free to ask "
        "Dr. Jimenez or contact us.</p>"
    ),
}

# Sample hours for the demo; the seed does not give the clinic's hours.
SAMPLE_OPENING_HOURS = [
    (weekday, time(8, 0), time(18, 0))
    for weekday in range(5)  # Monday to Friday
]

# A sample holiday closure, so the demo shows a notice and special hours in both languages;
# the seed gives neither. Labor Day (the first Monday of September) always falls on an
# open weekday. The loader dates it to the next Labor Day and shows the notice from the
# day after the one before, so a demo loaded on any day has it on show.
SAMPLE_CLOSURE = {
    "note": "Labor Day",
    "note_es": "Día del Trabajo",
    "message": "Closed for Labor Day",
    "message_es": "Cerrado por el Día del Trabajo",
}

PRACTITIONER = {"name": "Dr. Alex Jimenez", "credentials": "DC, APRN"}

REVIEWED_ON = date(2026, 3, 12)

# Citation fields by a short key the conditions below refer to.
CITATIONS = {
    "araujo-2020": dict(
        authors="de Araújo CAL",
        authors_incomplete=True,
        title=(
            "Oral magnesium supplementation for leg cramps in pregnancy. "
            "An observational controlled trial"
        ),
        container_title="PLoS One",
        year=2020,
        volume="15",
        issue="1",
        pages="e0227497",
        doi="10.1371/journal.pone.0227497",
    ),
    "garrison-2012": dict(
        kind="systematic-review",
        authors="Garrison SR",
        authors_incomplete=True,
        title="Magnesium for skeletal muscle cramps",
        container_title="Cochrane Database Syst Rev",
        year=2012,
        volume="2012",
        issue="9",
        pages="CD009402",
        doi="10.1002/14651858.CD009402.pub2",
    ),
    "kang-2016": dict(
        authors="Kang SH",
        authors_incomplete=True,
        title="Clinical significance of the edema index in incident peritoneal dialysis patients",
        container_title="PLoS One",
        year=2016,
        volume="11",
        issue="1",
        pages="e0147070",
        doi="10.1371/journal.pone.0147070",
    ),
    "luo-2020": dict(
        kind="systematic-review",
        authors="Luo L",
        authors_incomplete=True,
        title="Interventions for leg cramps in pregnancy",
        container_title="Cochrane Database Syst Rev",
        year=2020,
        volume="12",
        issue="12",
        pages="CD010655",
        doi="10.1002/14651858.CD010655.pub3",
    ),
    "mekhail-2020": dict(
        authors="Mekhail N",
        authors_incomplete=True,
        title=(
            "Long-term safety and efficacy of closed-loop spinal cord stimulation to treat "
            "chronic back and leg pain (Evoke): a double-blind, randomized, controlled trial"
        ),
        container_title="Lancet Neurol",
        year=2020,
        volume="19",
        issue="2",
        pages="123-134",
        doi="10.1016/S1474-4422(19)30414-4",
    ),
    "young-2015": dict(
        authors="Young G",
        title="Leg cramps",
        container_title="BMJ Clin Evid",
        year=2015,
        volume="2015",
        pages="1113",
    ),
    "beddhu-2015": dict(
        authors="Beddhu S",
        authors_incomplete=True,
        title=(
            "Light-intensity physical activities and mortality in the United States "
            "general population and CKD subpopulation"
        ),
        container_title="Clin J Am Soc Nephrol",
        year=2015,
        volume="10",
        issue="7",
        pages="1145-1153",
        doi="10.2215/CJN.08410814",
    ),
    "briggs-2009": dict(
        kind="systematic-review",
        authors="Briggs AM\nSmith AJ\nStraker LM\nBragge P",
        title=(
            "Thoracic spine pain in the general population: prevalence, incidence and "
            "associated factors in children, adolescents and adults. A systematic review"
        ),
        container_title="BMC Musculoskelet Disord",
        year=2009,
        volume="10",
        pages="77",
    ),
    "fouquet-2015": dict(
        authors="Fouquet N\nBodin J\nDescatha A",
        authors_incomplete=True,
        title="Prevalence of thoracic spine pain in a surveillance network",
        container_title="Occup Med (Lond)",
        year=2015,
        volume="65",
        issue="2",
        pages="122-125",
    ),
    "mcmanus-2015": dict(
        authors="McManus AM",
        authors_incomplete=True,
        title="Impact of prolonged sitting on vascular function in young girls",
        container_title="Exp Physiol",
        year=2015,
        volume="100",
        issue="11",
        pages="1379-1387",
        doi="10.1113/EP085355",
    ),
}

BODY_REGIONS = {"legs": "Legs", "upper-back": "Upper and middle back"}

# Shared records: name -> plain description (empty where the seed gives none).
SYMPTOMS = {
    "Soreness": "",
    "Muscle tightening": "",
    "Hardening of the muscle": "",
    "Twitching of the muscle": "",
    "Pain": "",
    "Strain": "",
}

CAUSES = {
    "Dehydration": "",
    "Peripheral artery disease": "",
    "Mineral deficiency": "",
    "Hypothyroidism": (
        "If the body does not produce sufficient thyroid hormone, this is known as hypothyroidism."
    ),
    "Spinal misalignment": "",
    "Muscle and connective tissue injuries": "",
    "Pregnancy": "",
    "Direct impact on the area": "",
    "Injury from a fall, sports, or automobile accident": "",
    "Unhealthy posture": "",
    "Repetitive motions and overuse": "",
    "Improper shoulder mechanics": "",
    "Poor core mechanics": "",
    "Nerve dysfunction": "",
    "Muscular irritation": "",
    "Joint dysfunction": "",
}

TREATMENTS = {
    "Chiropractic": "",
    "Therapeutic massage": "",
    "Health coaching": "",
    "Spinal adjustments": "",
    "Posture training": "",
    "Exercise training": "",
    "Anti-inflammatory diet": "",
}

CALLOUTS = {
    "track-inflammation": dict(
        label="Body Composition",
        title="Track Inflammation and Fluid Imbalances From Injury or Surgery",
        body=(
            "<p>Inflammation can occur with little to no visible symptoms following surgery "
            "or injury. Precision measurement of body water can detect water retention and "
            "inflammation to aid rehabilitation treatment. InBody effectively distinguishes "
            "water in the following compartments that comprise total body water.</p>"
            "<ul><li><p>Intracellular-ICW-within the tissues.</p></li>"
            "<li><p>Extracellular-ECW-within the blood and interstitial fluids.</p></li>"
            "<li><p>The Edema Index can be used to detect fluid imbalances resulting from "
            "inflammation from injury or recovery after surgery.</p></li></ul>"
            "<p>Assessing fluid balance in the body and specific segments can help identify "
            "inflammation and guide treatment to reduce the risk of re-injury or post-surgery "
            "complications. These measurements are provided for the whole body and can "
            "determine where fluid imbalances may be occurring for more precise analysis.</p>"
        ),
    ),
    "prolonged-sitting": dict(
        label="Body Composition",
        title="Sitting For Prolonged Periods",
        body=(
            "<h3>Weakened Muscles</h3>"
            "<p>Metabolism is linked with body composition, meaning that increased muscle "
            "increases metabolism helping to burn more calories.</p>"
            "<ul><li><p>When sitting, the gluteal muscles, abdominal muscles, and legs become "
            "inactive.</p></li>"
            "<li><p>Sitting for extended periods day after day can cause these muscles to "
            "degenerate.</p></li>"
            "<li><p>Consistent muscle loss from the lower body can hurt the body’s functional "
            "strength and, with age, increase the risk of injury.</p></li>"
            "<li><p>Any muscle loss, especially from the lower body, and is the largest muscle "
            "group, can lead to consistent fat gain.</p></li></ul>"
            "<h3>Circulation Slows Down</h3>"
            "<p>Sitting for too long also slows down blood flow to the brain and the legs, "
            "causing them to become sluggish.</p>"
            "<ul><li><p>Sitting without standing can increase the risk of developing blood "
            "clots.</p></li>"
            "<li><p>Blood clots can break off and cause blockages throughout the body.</p></li>"
            "<li><p>One study showed a significant reduction in the vascular flow after "
            "sitting for just three hours.</p></li>"
            "<li><p>But individuals who took breaks and got up to walk around for two minutes "
            "every hour showed improved circulation.</p></li></ul>"
        ),
    ),
}


def bullets(*items):
    return "<ul>" + "".join(f"<li><p>{item}</p></li>" for item in items) + "</ul>"


CONDITIONS = [
    dict(
        name="Leg Spasms and Cramping",
        slug="leg-spasms-and-cramping",
        # "Charley horse" is sample text: the seed never uses the name. It is added so the
        # demo shows a lay name that search and the A to Z find (issue 9).
        also_called=["Leg cramps", "Charley horse"],
        body_region="legs",
        summary=(
            "Leg spasms and cramps are common conditions where the muscles in the leg "
            "suddenly become tight and painful. They present with no warning and can cause "
            "excruciating and debilitating pain. They usually occur in the calf muscles but "
            "can affect any area of the leg, including the feet and thighs. After the cramping "
            "has passed, pain and tenderness can remain in the leg for several hours. Although "
            "many leg spasm episodes go away by themselves, they can disrupt normal "
            "activities, exercise regimens, and sleep if they continue and are left untreated."
        ),
        symptoms_intro=(
            "<p>A leg spasm is a sudden, sharp contraction or tightening of a muscle in the "
            "leg. This can last a few seconds to a few minutes. Muscle cramps anywhere in the "
            "body cause sudden contraction of the muscle. This is an involuntary function and "
            "can include the following symptoms:</p>"
        ),
        symptoms=[
            ("Soreness", "Soreness and discomfort can be mild to extreme."),
            ("Muscle tightening", ""),
            ("Hardening of the muscle", ""),
            ("Twitching of the muscle", ""),
            ("Pain", ""),
        ],
        care_urgency="routine",
        when_to_get_care=(
            "<p>Leg spasms are typically brief and go away on their own, but individuals are "
            "recommended to seek treatment if they are frequently experienced or last for "
            "extended periods.</p>"
        ),
        causes_intro="",
        causes=[
            (
                "Dehydration",
                bullets(
                    "Dehydration is a common cause of leg spasms and pain.",
                    "Lack of fluids can cause the nerve endings to become sensitized, "
                    "triggering muscle contractions.",
                ),
            ),
            ("Peripheral artery disease", ""),
            (
                "Mineral deficiency",
                "<ul><li><p>When the body sweats, it loses water and electrolytes.</p></li>"
                "<li><p>When the body is low on electrolytes, there are imbalances in:</p>"
                + bullets("Sodium", "Calcium", "Magnesium", "Potassium")
                + "</li><li><p>It can affect nerve transduction and lead to muscle "
                "spasms.</p></li></ul>",
            ),
            (
                "Hypothyroidism",
                bullets(
                    "Over time, this deficiency can damage the nerves that send signals from "
                    "the brain and spine to the legs.",
                    "Tingling, numbness, and frequent cramping can result.",
                ),
            ),
            (
                "Spinal misalignment",
                bullets(
                    "Spinal misalignment can compress nerve roots that run down the leg.",
                    "This can cause radiating leg pain and spasms, specifically in the back of "
                    "the thigh.",
                ),
            ),
            (
                "Muscle and connective tissue injuries",
                bullets(
                    "Injuries like tears, strains, and sprains can lead to leg spasms and "
                    "frequent cramping."
                ),
            ),
            (
                "Pregnancy",
                bullets(
                    "In the second and third trimesters of pregnancy, calcium and magnesium "
                    "deficiency are common and can lead to leg spasms and cramps."
                ),
            ),
        ],
        treatments_intro=(
            "<p>The proper course of treatment for leg spasms depends on the severity and "
            "underlying cause/s. A chiropractor can identify the cause and develop a "
            "personalized treatment plan to relieve and eliminate leg cramps.</p>"
        ),
        treatments=[
            (
                "Chiropractic",
                bullets(
                    "Misalignments can compress the nerve roots radiating from the spine to "
                    "the legs.",
                    "This can lead to radiating leg pain and/or leg spasms.",
                    "Realignment through chiropractic can relieve the pressure on compressed "
                    "nerve roots, alleviating leg discomfort and pain.",
                    "A chiropractor will also recommend exercises and stretches to strengthen "
                    "the legs and core muscles.",
                ),
            ),
            (
                "Therapeutic massage",
                bullets(
                    "A physical therapist will use various massage techniques to relax the "
                    "leg muscles to prevent and reduce the severity of spasms.",
                    "Massage therapy will relieve any inflammation that accompanies leg "
                    "spasms, decreasing pain and swelling in the area.",
                ),
            ),
            (
                "Health coaching",
                bullets(
                    "Leg spasms can be caused by nutritional deficiency.",
                    "As a part of the treatment plan, a health coach will evaluate the "
                    "individual’s diet and suggest changes that will help address any "
                    "nutritional deficiencies contributing to leg spasms and cramps.",
                ),
            ),
        ],
        citations=[
            "araujo-2020",
            "garrison-2012",
            "kang-2016",
            "luo-2020",
            "mekhail-2020",
            "young-2015",
        ],
    ),
    dict(
        name="Thoracic Upper Back Pain",
        slug="thoracic-upper-back-pain",
        also_called=["Upper back pain", "Middle back pain"],
        body_region="upper-back",
        summary=(
            "The thoracic upper back or middle back is designed for stability to anchor the "
            "rib cage and protect the organs within the chest. Compared to the neck and lower "
            "back, the upper back is highly resistant to injury and pain. When thoracic upper "
            "back pain does present, it is usually brought on from long-term poor posture or "
            "an injury that overwhelms the sturdiness. It is less common than lower back and "
            "neck pain, but it does affect around 20% of the population and primarily women. "
            "It can occur for a variety of reasons, and chiropractic treatment can bring "
            "long-term relief."
        ),
        symptoms_intro=(
            "<p>The delicate balance and function can create potential issues and "
            "imbalances, causing soreness, strain, and pain.</p>"
        ),
        symptoms=[("Soreness", ""), ("Strain", ""), ("Pain", "")],
        care_urgency="routine",
        when_to_get_care=(
            "<p>Chiropractic can realign the spine and body if experiencing any of the "
            "following:</p>"
            + bullets(
                "Symptoms that keep returning even with the use of medication.",
                "Home remedies do not bring adequate relief.",
                "Unable to prevent symptoms from presenting.",
                "Chronic pain.",
            )
        ),
        causes_intro="<p>Underlying causes for thoracic upper back pain include:</p>",
        causes=[
            ("Direct impact on the area", ""),
            ("Injury from a fall, sports, or automobile accident", ""),
            (
                "Unhealthy posture",
                "<p>Unhealthy posturing/positions that place added strain on the spine, "
                "causing misalignment.</p>",
            ),
            (
                "Repetitive motions and overuse",
                "<p>Repetitive motions and overuse like pulling, pushing, reaching, and "
                "twisting.</p>",
            ),
            (
                "Improper shoulder mechanics",
                "<p>Repetitive/Improper shoulder mechanics can lead to muscle imbalance and "
                "poor movement.</p>",
            ),
            ("Poor core mechanics", ""),
            ("Nerve dysfunction", ""),
            (
                "Muscular irritation",
                bullets(
                    "Muscular irritation usually comes from unconditioned muscles and a lack "
                    "of strength.",
                    "The shoulder attaches large muscles to the shoulder blade and the back of "
                    "the rib cage.",
                    "These are large muscles and are prone to developing strains or tightness.",
                ),
            ),
            (
                "Joint dysfunction",
                bullets(
                    "Caused by a sudden injury.",
                    "Natural spinal degeneration from aging.",
                    "Facet joint cartilage and/or joint capsule tearing.",
                ),
            ),
        ],
        treatments_intro=(
            "<p>Our clinic will develop a personalized/customized treatment plan specific to "
            "the individual’s needs. Treatment will include:</p>"
        ),
        treatments=[
            ("Spinal adjustments", "<p>To improve alignment and nerve integrity.</p>"),
            ("Therapeutic massage", ""),
            ("Posture training", "<p>To increase spinal alignment.</p>"),
            ("Exercise training", "<p>To restore muscular balance.</p>"),
            ("Health coaching", ""),
            ("Anti-inflammatory diet", ""),
        ],
        citations=["beddhu-2015", "briggs-2009", "fouquet-2015", "mcmanus-2015"],
    ),
]

GUIDES = [
    dict(
        condition="leg-spasms-and-cramping",
        title="Leg Spasms and Cramping",
        slug="leg-spasms-and-cramping",
        body="",
        callouts=["track-inflammation"],
    ),
    dict(
        condition="thoracic-upper-back-pain",
        title="Thoracic Upper Back Pain",
        slug="thoracic-upper-back-pain",
        body=(
            "<p>The thoracic upper back is crucial for various functions related to:</p>"
            + bullets(
                "Neural tissue health",
                "Organ protection",
                "Arm function",
                "Breathing mechanics",
                "Trunk support",
            )
        ),
        callouts=["prolonged-sitting"],
    ),
]

ARTICLES = [
    dict(
        title="Pelvic and Lower Extremity Imbalances Can Lead to Scoliosis",
        slug="pelvic-and-lower-extremity-imbalances-can-lead-to-scoliosis",
        summary=(
            "While scoliosis is a disorder that affects the backbone there are many other "
            "circumstances that could be an element that drives the curvature. One of the "
            "most frequent are imbalances in the pelvis and lower extremities."
        ),
        body=(
            "<p>In optimum upright human posture the top needs to be positioned on the "
            "midline of the shoulder, rib cage, lumbar spine, pelvis, knees ankles and feet. "
            "Something that causes a deviation from orthogonal placement exacerbate a "
            "scoliosis imbalance and can significantly impact the posture of the body.</p>"
            "<p>Just as an imbalance in the base of a building can trigger difficulties the "
            "structure over-head, feel of the leaning tower of Pisa which is only 4 levels off "
            "it’s vertical stability, imbalances in the pelvis and lower extremities can cause "
            "issues to the structural integrity of the backbone above it. When the foundation "
            "is not level the spine should adapt in order to keep the eyes level with the "
            "horizon.</p>"
            "<h2>Imbalances Affecting Scoliosis Progression</h2>"
            "<p>These are some of the more common contributing elements that should they’re "
            "a problem need to be resolved to enable optimum conservative administration of a "
            "scoliosis.</p>"
            "<h3>Leg Length Discrepancies</h3>"
            "<p>There are two sorts of leg length discrepancies that are commonly described by "
            "doctors.</p>"
            "<p><strong>Apparent Leg-Length Deficiency:</strong> The legs are of equal length "
            "but one side of the body is drawing up the leg as a result of imbalances in the "
            "muscles of the pelvis and trunk on that aspect.</p>"
            "<p><strong>True Leg-Length Deficiency:</strong> There is a real difference in "
            "length from left to right.</p>"
            "<p>When there’s a leg size deficiency that was true then thought have to be "
            "created for offering a shoe lift to the side of deficiency but only if an "
            "addition of a raise will also seem to help improve the scoliosis. If the "
            "scoliosis would be worsened by adding a raise to the facet that was deficient "
            "then it would be contraindicated.</p>"
            "<p>An apparent short leg can result from an imbalance in the pelvis or could be a "
            "compensatory mechanism involving the total amount techniques of the backbone. "
            "Treatment can contain chiropractic adjustments to recover motion to the adapted "
            "shortened muscles of the spiral lines of the physique in the pelvis and atlas or "
            "trunk orthogonal therapy to help reduce neuro logical adaptations in the postural "
            "mechanisms of the spine to the pelvis, active release treatment.</p>"
            "<h3>Postural Collapse of the Foot &amp; Scoliosis</h3>"
            "<p>Pes Valgus is a disorder that is commonly known as a flat foot disorder. It "
            "can occur on one side or bilaterally also it can affect the integrity of foot and "
            "the lower extremity. When the postural muscles of the arch of the foot are "
            "weakened then foot flattens inward. This causes a torque to the knee, hip, pelvis "
            "and eventually the spine.</p>"
            "<p>This torque force can help push the progression of the scoliosis by adding on "
            "the spine to the ab-normal forces and must be addressed as a way to help improve "
            "the curvature.</p>"
            "<p>Corrective workout to help restore the arch of the foot, like a Short Foot "
            "workout, strolling barefoot over uneven terrain or perhaps barefoot operating can "
            "occasionally be really advantageous in supporting recover the proper "
            "bio-mechanical function of the arch of the foot.</p>"
            "<p>The use of custom orthotics are still another superb method to assist enhance "
            "the bio-mechanical place of the foot to help torque the lower extremities and "
            "decrease the imbalances which can be contributing to the scoliosis, but only if "
            "the orthotic is cast in the place.</p>"
            "<h2>Additional Topics: Scoliosis Pain and Chiropractic</h2>"
            "<p>According to recent research studies, chiropractic care and exercise can "
            "substantially help correct scoliosis. Scoliosis is a well-known type of spinal "
            "misalignment, or subluxation, characterized by the abnormal, lateral curvature of "
            "the spine. While there are two different types of scoliosis, chiropractic "
            "treatment techniques, including spinal adjustments and manual manipulations, are "
            "safe and effective alternative treatment measures which have been demonstrated "
            "to help correct the curve of the spine, restoring the original function of the "
            "spine.</p>"
        ),
    ),
]

DEMO_LOGINS = [
    # (username, password, group, is_superuser)
    ("practitioner", "practitioner-demo", PRACTITIONERS.group_name, False),
    ("receptionist", "receptionist-demo", RECEPTIONISTS.group_name, False),
    ("admin", "admin-demo", None, True),
]
