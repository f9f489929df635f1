"""The demo's live coverage page: a storm crossing Brittany, followed for a
few hours by several journalists. Fictional, like the rest of the demo."""

from demo.spec import DemoLive
from demo.spec import DemoLiveEntry as E

T, C, H, S = "thomas-le-goff", "camille-roussel", "hugo-marchetti", "sophie-arnaud"

LIVE = DemoLive(
    slug="tempete-eleonore-suivez-le-passage-de-la-tempete-en-direct",
    title="Tempête Éléonore : suivez en direct son passage sur l'ouest de la France",
    standfirst="Vents violents, trains arrêtés, coupures d'électricité : la tempête traverse la Bretagne et les Pays de la Loire. Nos journalistes suivent la situation heure par heure.",
    section="societe",
    authors=("thomas-le-goff", "camille-roussel"),
    tags=("Météo", "Tempête", "Bretagne", "Transports"),
    opened_minutes_ago=190,
    caption="Sur le littoral finistérien, les vagues ont dépassé huit mètres en début d'après-midi.",
    body="<p>Météo-France a placé quatre départements en vigilance rouge. Ce direct rassemble les informations de nos journalistes sur place et des services de l'État.</p>",
    summary=(
        "Vigilance rouge dans le Finistère, les Côtes-d'Armor, le Morbihan et la Loire-Atlantique",
        "Rafales mesurées jusqu'à 162 km/h à la pointe du Raz",
        "180 000 foyers privés d'électricité selon le gestionnaire du réseau",
        "Trafic ferroviaire interrompu entre Rennes et Brest jusqu'à demain midi",
    ),
    entries=(
        E(
            minutes=-185,
            author=T,
            title="Le direct est ouvert",
            body="<p>Bonjour à toutes et à tous. Nous suivons tout l'après-midi le passage de la tempête Éléonore sur l'ouest du pays.</p>",
        ),
        E(
            minutes=-178,
            author=C,
            body="<p>Météo-France confirme la vigilance rouge pour quatre départements, à partir de 14 heures. Les rafales pourraient dépasser 150 km/h sur les côtes.</p>",
            is_important=True,
        ),
        E(
            minutes=-170,
            author=T,
            body="<p>À Brest, les écoles ont fermé à midi. Les parents ont été prévenus par message dès ce matin.</p>",
        ),
        E(
            minutes=-163,
            author=H,
            title="Les ports fermés",
            body="<p>Les ports de commerce de Brest, Lorient et Saint-Nazaire ont suspendu leurs opérations. Les navires restent à quai ou au mouillage.</p>",
        ),
        E(
            minutes=-155,
            author=C,
            body="<p>La préfecture du Finistère demande d'éviter tout déplacement <strong>jusqu'à 22 heures</strong>.</p>",
        ),
        E(
            minutes=-149,
            author=T,
            body="<p>Sur la promenade du Moulin-Blanc, la mer passe déjà par-dessus la digue.</p>",
        ),
        E(
            minutes=-141,
            author=S,
            body="<p>Les consignes de la préfecture :</p><ul><li>rester chez soi ;</li><li>ne pas s'approcher du littoral ;</li><li>ne pas toucher aux câbles tombés au sol.</li></ul>",
            is_pinned=True,
            title="Les consignes de sécurité",
        ),
        E(
            minutes=-133,
            author=H,
            body="<p>La SNCF interrompt la circulation des trains entre Rennes et Brest, et entre Nantes et Quimper.</p>",
            is_important=True,
        ),
        E(
            minutes=-126,
            author=C,
            body="<p>Première rafale au-delà de 140 km/h relevée à Ouessant, selon Météo-France.</p>",
        ),
        E(
            minutes=-118,
            author=T,
            body="<p>Un arbre est tombé sur une voiture à Morlaix. Le conducteur est légèrement blessé, selon les pompiers.</p>",
        ),
        E(
            minutes=-111,
            author=S,
            body="<p>Le gestionnaire du réseau électrique fait état de 40 000 foyers privés de courant.</p>",
        ),
        E(
            minutes=-104,
            author=C,
            body="<blockquote><p>Nous avons engagé 600 pompiers, et des renforts arrivent d'autres départements.</p></blockquote><p>Le préfet de région, lors d'un point presse à Rennes.</p>",
        ),
        E(
            minutes=-97,
            author=H,
            title="Aéroports",
            body="<p>Les vols au départ de Brest et de Nantes sont annulés jusqu'à 20 heures.</p>",
        ),
        E(
            minutes=-90,
            author=T,
            body="<p>À Douarnenez, le port de plaisance est fermé au public. Quelques habitants filment la mer depuis les hauteurs.</p>",
        ),
        E(
            minutes=-83,
            author=S,
            body="<p>Désormais 95 000 foyers sans électricité. Les équipes d'intervention attendent la baisse du vent pour sortir.</p>",
        ),
        E(
            minutes=-77,
            author=C,
            body="<p>Rafale de 162 km/h à la pointe du Raz : c'est le record de cet épisode pour l'instant.</p>",
            is_important=True,
        ),
        E(
            minutes=-70,
            author=T,
            body="<p>La route nationale 165 est coupée entre Quimper et Châteaulin après la chute de plusieurs arbres.</p>",
        ),
        E(
            minutes=-64,
            author=H,
            body="<p>Les assureurs rappellent qu'il faut photographier les dégâts avant toute réparation.</p>",
        ),
        E(
            minutes=-58,
            author=S,
            body="<p>À Lorient, un toit a été en partie arraché dans un quartier résidentiel. Pas de blessé.</p>",
        ),
        E(
            minutes=-51,
            author=C,
            body="<p>Le vent commence à faiblir sur la pointe bretonne, mais se renforce en Loire-Atlantique.</p>",
        ),
        E(
            minutes=-45,
            author=T,
            body="<p>Les pompiers du Finistère annoncent plus de 900 interventions depuis midi, surtout pour des arbres tombés.</p>",
        ),
        E(
            minutes=-39,
            author=H,
            body="<p>Saint-Nazaire : le pont est fermé aux poids lourds et aux deux-roues.</p>",
        ),
        E(
            minutes=-33,
            author=S,
            body="<p>180 000 foyers sont maintenant privés d'électricité dans l'ouest.</p>",
            is_important=True,
        ),
        E(
            minutes=-28,
            author=C,
            body="<p>Nantes : le tramway est arrêté sur deux lignes à cause de branches sur les voies.</p>",
        ),
        E(
            minutes=-22,
            author=T,
            title="Un blessé grave à Landerneau",
            body="<p>Un homme a été grièvement blessé par la chute d'une cheminée. Il a été transporté à l'hôpital de Brest.</p>",
        ),
        E(
            minutes=-17,
            author=H,
            body="<p>La SNCF prévoit une reprise progressive du trafic demain à partir de midi, après inspection des voies.</p>",
        ),
        E(
            minutes=-12,
            author=S,
            body="<p>Météo-France lèvera la vigilance rouge pour le Finistère à 22 heures si la baisse du vent se confirme.</p>",
        ),
        E(
            minutes=-8,
            author=C,
            body="<p>Les mairies de plusieurs communes littorales ouvrent des salles pour accueillir les personnes privées de chauffage.</p>",
        ),
        E(
            minutes=-4,
            author=T,
            body="<p>À Brest, les premières équipes de la ville dégagent les arbres tombés sur les axes principaux.</p>",
        ),
        E(
            minutes=-1,
            author=H,
            body="<p>Selon les premières estimations des assureurs, le coût des dégâts pourrait se compter en centaines de millions d'euros.</p>",
        ),
        E(
            minutes=20,
            author=C,
            title="Point de la préfecture",
            body="<p>Le préfet fera un nouveau point sur la situation à 19 heures.</p>",
        ),
    ),
)
