from demo.spec import DemoArticle, ExternalLink

ARTICLES = (
    DemoArticle(
        slug="secheresses-les-vingt-sept-adoptent-un-plan-commun-pour-economiser-leau",
        title="Sécheresses : les Vingt-Sept adoptent un plan commun pour économiser l’eau",
        standfirst="Réunis à Bruxelles, les ministres européens de l’Environnement se sont accordés sur des objectifs chiffrés de réduction des fuites et de réutilisation des eaux usées. Les agriculteurs obtiennent un délai, les villes devront aller vite.",
        section="international",
        authors=("camille-roussel",),
        tags=("Union européenne", "Climat", "Eau", "Agriculture"),
        status="published",
        publish_offset_hours=-20,
        is_featured=True,
        sources="Avec AFP",
        caption="Le plan européen vise d’abord les fuites des réseaux d’eau potable.",
        related=(
            "prix-alimentaires-troisieme-mois-de-baisse-dans-les-rayons",
            ExternalLink(
                url="https://www.eea.europa.eu/fr",
                title="Le site de l’Agence européenne pour l’environnement",
            ),
        ),
        body="""
<p>Après une nuit de négociations, les ministres européens de l’Environnement ont trouvé un terrain d’entente sur le premier plan commun de l’Union consacré à la gestion de l’eau. Le texte, qui doit encore être confirmé par le Parlement européen, fixe pour la première fois des objectifs chiffrés aux États membres.</p>
<h2>Des fuites à colmater d’ici 2030</h2>
<p>Premier chantier : les réseaux d’eau potable. Dans certaines régions d’Europe du Sud, près d’un litre sur trois se perd avant d’arriver au robinet. Le plan demande à chaque pays de réduire ces pertes d’un quart d’ici 2030, avec des financements européens fléchés vers les petites communes, souvent les plus mal équipées.</p>
<p>Le texte encourage aussi la réutilisation des eaux usées traitées pour l’irrigation et le nettoyage des voiries, une pratique courante en Espagne ou à Chypre mais encore marginale ailleurs. « Nous partons de très loin, mais pour la première fois tout le monde avance dans la même direction », résume un diplomate européen qui a suivi les discussions.</p>
<h2>L’agriculture obtient un délai</h2>
<p>Le volet agricole a été le plus disputé. Plusieurs délégations craignaient que des quotas de prélèvement trop stricts ne pénalisent les exploitations déjà fragilisées par plusieurs années de sécheresse. Le compromis leur accorde trois ans supplémentaires et un fonds d’accompagnement pour moderniser l’irrigation.</p>
<blockquote><p>Un agriculteur qui passe au goutte-à-goutte économise jusqu’à 40 % d’eau. Encore faut-il qu’il puisse financer l’installation : c’est là que l’Europe doit être au rendez-vous.</p></blockquote>
<p>Cette phrase de Margit Halvorsen, hydrologue à l’Institut nordique des ressources en eau, résume l’équilibre recherché. Les organisations écologistes saluent une « avancée réelle » mais regrettent l’absence de sanctions pour les États qui ne tiendraient pas leurs engagements.</p>
""",
    ),
    DemoArticle(
        slug="a-anvers-les-douaniers-face-a-des-trafiquants-qui-changent-sans-cesse-de-methode",
        title="À Anvers, les douaniers face à des trafiquants qui changent sans cesse de méthode",
        standfirst="Le premier port européen pour les conteneurs est devenu la principale porte d’entrée de la cocaïne sur le continent. Reportage auprès d’équipes qui scannent, fouillent et recommencent, jour et nuit.",
        section="international",
        authors=("camille-roussel", "sophie-arnaud"),
        tags=("Union européenne", "Belgique", "Drogue", "Commerce maritime"),
        status="published",
        publish_offset_hours=-98,
        caption="Des milliers de conteneurs transitent chaque jour par le port d’Anvers.",
        related=(
            "secheresses-les-vingt-sept-adoptent-un-plan-commun-pour-economiser-leau",
            "dans-le-sahel-des-radios-communautaires-en-premiere-ligne-contre-les-fausses-nouvelles",
        ),
        body="""
<p>Sur le quai, le scanner mobile avance au pas, le long d’une rangée de conteneurs frigorifiques arrivés d’Amérique du Sud. Dans la cabine, deux agents fixent les images en noir et blanc. « On cherche une densité qui ne correspond pas à la marchandise déclarée, explique l’un d’eux. Des bananes, on sait à quoi ça ressemble. »</p>
<h2>Une course sans fin</h2>
<p>Les saisies battent record sur record, mais personne ici ne parle de victoire. Les réseaux s’adaptent vite : cargaison dissimulée dans les parois mêmes des conteneurs, complicités achetées parmi les dockers, piratage des systèmes informatiques qui attribuent les codes de retrait des marchandises.</p>
<p>Pieter Van Acker, inspecteur des douanes depuis vingt ans, a vu les méthodes changer :</p>
<blockquote><p>Il y a dix ans, on trouvait des sacs glissés au milieu de la cargaison. Aujourd’hui, la drogue sort parfois du port avant même que le conteneur soit ouvert, grâce à un code volé. Notre métier est devenu à moitié informatique.</p></blockquote>
<h2>Une réponse qui se veut européenne</h2>
<p>Face à ce constat, les grands ports de la mer du Nord ont renforcé leur coopération : partage des analyses de risque, équipes communes, contrôle renforcé des accès aux terminaux. L’objectif est d’éviter que le durcissement des contrôles à Anvers ne déplace simplement le trafic vers un port voisin.</p>
<p>Dans les quartiers proches du port, les habitants, eux, réclament surtout de la tranquillité. Plusieurs règlements de comptes liés au trafic ont inquiété la population ces derniers mois, et les élus locaux demandent davantage de moyens pour la police de proximité.</p>
""",
    ),
    DemoArticle(
        slug="dans-le-sahel-des-radios-communautaires-en-premiere-ligne-contre-les-fausses-nouvelles",
        title="Dans le Sahel, des radios communautaires en première ligne contre les fausses nouvelles",
        standfirst="Dans la région de Mopti, au Mali, une petite station associative vérifie à l’antenne les rumeurs qui circulent sur les messageries. Une mission devenue essentielle là où la presse écrite n’arrive plus.",
        section="international",
        authors=("sophie-arnaud",),
        tags=("Afrique", "Médias", "Désinformation", "Numérique"),
        status="published",
        publish_offset_hours=-140,
        caption="Dans les zones rurales du Sahel, la radio reste le premier média d’information.",
        related=(
            "harcelement-scolaire-dans-les-colleges-des-eleves-formes-pour-reperer-et-alerter",
        ),
        body="""
<p>Chaque matin à 7 heures, le studio de Radio Kanuya se remplit. Trois animateurs, un ordinateur portable et un téléphone posé sur la table, haut-parleur ouvert : les auditeurs appellent pour signaler les messages vocaux qui circulent dans leurs groupes de discussion. L’émission s’appelle « C’est vrai ou pas ? ». Elle est devenue la plus écoutée de la grille.</p>
<h2>Vérifier en langue locale</h2>
<p>Une fausse annonce de fermeture des marchés, une prétendue épidémie, un faux communiqué sur le prix des engrais : les rumeurs se propagent vite, souvent en bambara ou en peul, des langues que les plateformes de vérification internationales ne traitent presque pas. « Notre force, c’est qu’on connaît les gens, on sait qui appeler pour vérifier », explique Aminata Keïta, rédactrice en chef de la station.</p>
<p>La méthode est simple : recouper auprès des autorités locales, des chefs de village, des infirmiers des centres de santé. Puis revenir à l’antenne, expliquer d’où venait la rumeur et pourquoi elle est fausse. Sans jamais moquer ceux qui y ont cru.</p>
<h2>Des moyens toujours fragiles</h2>
<p>La station vit de petites subventions, de quelques annonces et de la débrouille. Le groupe électrogène tombe souvent en panne, et l’équipe a déjà dû suspendre ses émissions plusieurs jours faute de carburant. Un réseau de radios associatives de la région tente de mutualiser la formation et le matériel.</p>
<p>Pour Aminata Keïta, l’enjeu dépasse la lutte contre la désinformation : « Quand une radio se tait, ce sont les rumeurs qui prennent toute la place. Nous, on rend aux gens le droit de savoir. »</p>
""",
    ),
    DemoArticle(
        slug="canal-de-panama-la-baisse-des-lacs-force-les-armateurs-a-revoir-leurs-routes",
        title="Canal de Panama : la baisse des lacs force les armateurs à revoir leurs routes",
        standfirst="Faute de pluies suffisantes, l’autorité du canal limite à nouveau le nombre de passages quotidiens. Les compagnies maritimes jonglent entre files d’attente, cargaisons allégées et détours par le cap Horn.",
        section="international",
        authors=("sophie-arnaud",),
        tags=("Commerce maritime", "Climat", "Eau", "Amérique latine"),
        status="scheduled",
        publish_offset_hours=5,
        sources="Avec AFP",
        caption="Chaque passage d’écluse consomme des millions de litres d’eau douce.",
        related=(
            "secheresses-les-vingt-sept-adoptent-un-plan-commun-pour-economiser-leau",
            "a-anvers-les-douaniers-face-a-des-trafiquants-qui-changent-sans-cesse-de-methode",
        ),
        body="""
<p>Le canal de Panama fonctionne grâce à l’eau douce : chaque navire qui franchit les écluses en consomme des dizaines de millions de litres, puisés dans les lacs artificiels qui alimentent l’ouvrage. Quand les pluies manquent, le niveau baisse et l’autorité du canal n’a d’autre choix que de limiter le trafic.</p>
<h2>Moins de passages, des navires allégés</h2>
<p>Les nouvelles restrictions réduisent d’environ un cinquième le nombre de passages quotidiens. Les plus gros porte-conteneurs doivent aussi limiter leur tirant d’eau, ce qui les oblige à embarquer moins de marchandises. Pour les armateurs, chaque conteneur laissé à quai est un manque à gagner.</p>
<p>« Nous avons trois options, et aucune n’est bonne, résume Diego Salcedo, analyste au cabinet de conseil maritime Puerto Analytics. Attendre plusieurs jours, payer très cher un créneau prioritaire aux enchères, ou faire le grand détour. »</p>
<h2>Le retour du cap Horn</h2>
<p>Certaines compagnies ont choisi de contourner l’Amérique du Sud, un trajet plus long d’une dizaine de jours pour les liaisons entre l’Asie et la côte est des États-Unis. D’autres privilégient désormais le canal de Suez, quand la situation sécuritaire en mer Rouge le permet.</p>
<p>Ces adaptations ont un coût qui finit par se répercuter sur les prix du fret, et donc, à terme, sur ceux de nombreux produits importés. Les économistes restent toutefois prudents : l’effet sur l’inflation en Europe devrait rester limité tant que la demande mondiale demeure modérée.</p>
<p>À plus long terme, l’autorité du canal étudie la construction d’un nouveau réservoir pour sécuriser son approvisionnement en eau. Un projet de plusieurs années, qui suppose de déplacer des villages entiers et suscite déjà des oppositions.</p>
""",
    ),
)
