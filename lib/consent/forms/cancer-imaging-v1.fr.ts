/**
 * French (fr) text of the cancer-imaging data-altruism consent form, version 1: a translation of
 * `texts.en` in ./cancer-imaging-v1.ts, with the same modules, choices and paragraphs.
 *
 * Register: "vous", worded so that no adjective agrees with the reader's gender. Terminology
 * follows the French versions of the legal acts: altruisme en matière de données, organisation
 * altruiste en matière de données reconnue, acte sur la gouvernance des données (règlement (UE)
 * 2022/868), RGPD, responsable du traitement, délégué à la protection des données, espace européen
 * des données de santé, organisme responsable de l’accès aux données de santé, autorisation de
 * traitement de données, utilisation secondaire. Names, codes, e-mail addresses and URLs are left
 * unchanged.
 *
 * Typography: French spacing, i.e. a no-break space (U+00A0) before « : ; ? ! » and inside
 * guillemets, and the typographic apostrophe (’) except in the organisation's street name. These
 * characters are part of the hashed text.
 *
 * PUBLISHED TEXT. It is hashed into the text hash that each consent given in French records
 * (formTextHash in ../form.ts). Do not edit it: publish a new form version instead.
 */
import type { FormText } from "../form";

/** Paragraphs of a full text, separated by a blank line. */
const paragraphs = (...ps: string[]): string => ps.join("\n\n");

export const textFr: FormText = {
  title: "Formulaire de consentement à l’altruisme en matière de données d’imagerie en cancérologie",
  introduction: paragraphs(
    "Ce formulaire vous demande si vous souhaitez partager des données issues de vos images médicales et de votre dossier médical afin d’aider la recherche sur le cancer. " +
      "Ce partage relève de votre libre choix. Vous ne recevrez aucune rémunération. " +
      "Refuser, ou accepter puis changer d’avis plus tard, n’aura jamais aucune incidence sur vos soins.",
    "Vous décidez de ce qui est partagé, pour quel type de recherche, avec qui, où et pendant combien de temps. " +
      "Vous pouvez modifier vos choix ou retirer votre consentement à tout moment, en une seule étape.",
    "Chaque partie de ce formulaire commence par un bref résumé. Le texte complet placé sous chaque résumé donne les précisions juridiques. " +
      "Il s’agit d’un formulaire européen de consentement à l’altruisme en matière de données, établi au titre de l’article 25 de l’acte sur la gouvernance des données (règlement (UE) 2022/868). " +
      "Il vous demande votre consentement explicite au sens de l’article 6, paragraphe 1, point a), de l’article 7 et de l’article 9, paragraphe 2, point a), du règlement général sur la protection des données (règlement (UE) 2016/679, « RGPD »).",
  ),
  modules: {
    objectives: {
      heading: "Pourquoi nous vous sollicitons : une recherche d’intérêt général",
      summary:
        "Vos images médicales peuvent aider les médecins à détecter le cancer plus tôt et à mieux le soigner. " +
        "Les chercheurs apprennent à partir des images de nombreuses personnes. " +
        "Ils créent et testent aussi des outils informatiques, appelés IA, qui aident à lire les images médicales.",
      fullText: paragraphs(
        "Donum recueille des consentements à l’altruisme en matière de données : le partage volontaire de données, sans contrepartie, pour des objectifs d’intérêt général, au sens de l’article 2, point 16, de l’acte sur la gouvernance des données (règlement (UE) 2022/868).",
        "Les objectifs d’intérêt général poursuivis avec les données couvertes par ce formulaire sont : " +
          "a) une détection, un diagnostic et une stadification du cancer plus précoces et plus précis ; " +
          "b) de meilleurs traitements du cancer, y compris la prédiction de la réponse d’une tumeur au traitement et la réduction des effets indésirables ; " +
          "c) le développement, l’entraînement, la validation et le suivi de méthodes d’intelligence artificielle (IA) qui analysent les images médicales, afin qu’elles soient exactes, sûres et équitables pour tous les patients ; " +
          "d) la santé publique, y compris la compréhension de la façon dont le cancer touche différents groupes de personnes et l’évaluation des programmes de dépistage ; et " +
          "e) la recherche scientifique qui nécessite de vastes collections diversifiées d’images médicales et de données associées, menée avec les garanties prévues à l’article 89 du RGPD.",
        "Vos données ne sont transmises qu’à des fins de recherche, et uniquement dans les limites des choix que vous faites dans ce formulaire. " +
          "Les destinataires ne peuvent pas les utiliser pour prendre des décisions vous concernant personnellement, par exemple en matière d’assurance, d’emploi ou de crédit, ni à des fins de publicité ou de marketing. " +
          "Donum ne vend pas de données.",
        "Le partage est volontaire. Vous ne recevrez ni paiement ni autre contrepartie. " +
          "Que vous donniez, limitiez ou retiriez ce consentement n’a aucune incidence sur les soins que vous recevez, aujourd’hui comme à l’avenir.",
      ),
    },
    organisation: {
      heading: "Qui nous sommes et comment nous joindre",
      summary:
        "Nous sommes Donum, une organisation altruiste en matière de données à but non lucratif, enregistrée dans l’UE. " +
        "Nous conservons une trace de vos choix. " +
        "Avant de partager vos données, un hôpital doit nous demander ce que vous avez autorisé. " +
        "Vous pouvez à tout moment nous écrire, ou écrire à notre délégué à la protection des données.",
      fullText: paragraphs(
        "Ce formulaire est proposé par la European Cancer Imaging Data Altruism Federation (Donum), Rue de l'Exemple 1, 1000 Bruxelles, Belgique. " +
          "Donum est une organisation altruiste en matière de données reconnue, inscrite au registre public sous le numéro BE-DAO-2026-0001 (articles 17 à 19 de l’acte sur la gouvernance des données). " +
          "Comme l’exige cet acte, Donum est une personne morale à but non lucratif, juridiquement indépendante de toute entité à but lucratif, et exerce ses activités d’altruisme en matière de données au moyen d’une structure fonctionnellement séparée de toutes ses autres activités.",
        "Donum ne détient ni vos images ni votre dossier médical. Ils restent auprès des hôpitaux et des centres d’imagerie qui les ont produits, lesquels participent à la fédération par l’intermédiaire de passerelles sécurisées appelées nœuds d’imagerie. " +
          "Donum conserve votre consentement : les choix que vous faites dans ce formulaire et chaque modification que vous y apportez. " +
          "Avant qu’un nœud d’imagerie transmette la moindre de vos données, il doit demander à Donum si votre consentement autorise cette transmission, et il conserve la réponse signée de Donum comme preuve.",
        "Donum est responsable du traitement, au sens du RGPD, des données à caractère personnel qu’il traite pour enregistrer votre consentement et répondre à ces demandes. " +
          "Chaque nœud d’imagerie est responsable du traitement des données qu’il détient et transmet. " +
          "Chaque destinataire est responsable du traitement des données qu’il reçoit, pour son propre projet.",
        "Contact : contact@donum.example.org. Site web : https://donum.example.org. " +
          "Délégué à la protection des données : dpo@donum.example.org. Vous pouvez écrire à notre délégué à la protection des données pour toute question concernant vos données ou vos droits.",
        "Donum tient un registre des organisations qui ont reçu des données par l’intermédiaire de la fédération, des dates et de la durée des traitements ainsi que de leurs finalités, et publie chaque année un rapport d’activité, comme l’exige l’article 20 de l’acte sur la gouvernance des données.",
      ),
    },
    purposes: {
      heading: "À quoi vos données peuvent servir",
      summary:
        "Vous choisissez l’étendue de la recherche. " +
        "Il peut s’agir de toute recherche, de la seule recherche en santé, ou seulement de la recherche sur les cancers que vous sélectionnez. " +
        "Pour entraîner ou tester une IA, il faut un oui distinct de votre part. " +
        "Un choix plus large inclut les choix plus restreints.",
      fullText: paragraphs(
        "Chaque demande de transmission de données indique une finalité de recherche, codée au moyen de la GA4GH Data Use Ontology (DUO), le vocabulaire utilisé par le catalogue de la fédération. " +
          "Vos données ne sont transmises que si cette finalité relève du niveau de recherche que vous choisissez. Il existe trois niveaux.",
        "Utilisation pour la recherche générale (DUO:0000042, code GRU) : la recherche à toute fin. " +
          "Elle comprend la recherche en santé, la recherche médicale et biomédicale, mais aussi d’autres recherches, comme la biologie fondamentale, le développement de méthodes statistiques et informatiques, et l’étude des origines des populations ou des ascendances.",
        "Recherche en santé, médicale et biomédicale (DUO:0000006, code HMB) : la recherche sur la santé, les maladies, la médecine et les soins de santé, y compris la recherche sur tout cancer. " +
          "Elle ne comprend ni la recherche sans rapport avec la santé, ni l’étude des origines des populations ou des ascendances.",
        "Recherche spécifique à une maladie (DUO:0000007, code DS) : uniquement la recherche sur les cancers que vous sélectionnez. " +
          "Les cancers que vous pouvez sélectionner sont : cancer (tout type), cancer du poumon, cancer du sein, cancer de la prostate, cancer colorectal, cancer du pancréas, carcinome hépatocellulaire (la forme la plus fréquente de cancer du foie), cancer du cerveau, cancer de l’ovaire, mélanome et lymphome. " +
          "Si vous sélectionnez « cancer (tout type) », la recherche sur tout type de cancer est autorisée. " +
          "Si vous sélectionnez certains cancers, seule la recherche sur l’un de ces cancers est autorisée ; la recherche sur un autre cancer, ou sur le cancer en général, ne l’est pas.",
        "Les niveaux sont emboîtés. L’utilisation pour la recherche générale inclut les deux autres niveaux. La recherche en santé, médicale et biomédicale inclut la recherche sur chacun des cancers de la liste. " +
          "La recherche spécifique à une maladie ne couvre rien au-delà des cancers que vous sélectionnez.",
        "Intelligence artificielle. Un consentement à la recherche ne permet jamais, à lui seul, d’utiliser vos données pour l’IA. Il existe deux choix distincts. " +
          "L’entraînement de modèles d’IA consiste à utiliser vos données pour construire, ou « instruire », un modèle informatique, par exemple un modèle qui apprend à repérer des tumeurs sur des images. " +
          "La validation de modèles d’IA consiste à utiliser vos données pour évaluer dans quelle mesure un modèle déjà construit fonctionne bien, par exemple avant son utilisation à l’hôpital ou sa certification comme dispositif médical. " +
          "Chacune n’est autorisée que si vous la choisissez, et uniquement dans les limites du niveau de recherche, des données, des destinataires et des lieux que vous choisissez. " +
          "Si vous autorisez l’entraînement d’IA et autorisez aussi les entreprises commerciales, une entreprise peut utiliser vos données pour entraîner un modèle d’IA qu’elle vend ensuite comme produit.",
        "Nouveau contact. Si vous l’autorisez, un projet qui prévoit de vous recontacter, par exemple pour vous inviter à participer à une étude de suivi, peut recevoir vos données. " +
          "Si vous ne l’autorisez pas, les projets qui prévoient de vous recontacter ne peuvent pas recevoir vos données. " +
          "Les chercheurs ne connaissent pas votre nom : tout contact devrait donc être organisé par l’hôpital qui détient vos données.",
        "Résultats concernant votre santé. Vous pouvez nous indiquer que vous souhaitez qu’on vous informe des résultats susceptibles d’avoir une importance pour votre santé. " +
          "Nous enregistrons ce souhait avec votre consentement. Il ne modifie pas les transmissions autorisées, et ce n’est pas une promesse que vous recevrez la moindre information. " +
          "La recherche sur des données pseudonymisées produit rarement des résultats concernant une personne en particulier, et ces résultats sont souvent incertains. " +
          "Un résultat ne pourrait vous parvenir que par l’intermédiaire de l’hôpital qui détient vos données, selon les règles de votre pays.",
        "Une transmission n’est autorisée que si chaque élément de la demande est couvert par votre consentement : les données, la finalité, toute utilisation d’IA, le type et le pays du destinataire et, le cas échéant, le fait de vous recontacter. " +
          "Si un élément n’est pas couvert, la réponse est non.",
      ),
    },
    dataCategories: {
      heading: "Quelles données vous partagez",
      summary:
        "Vous choisissez les types de données qui peuvent être partagés. " +
        "Par exemple, des images de scanner ou d’IRM, des comptes rendus médicaux, l’historique de vos traitements ou des données génétiques. " +
        "Avant toute transmission, votre nom et les autres informations qui révèlent votre identité sont remplacés par un code. " +
        "Votre numéro d’identification national n’est jamais communiqué.",
      fullText: paragraphs(
        "Vous pouvez choisir un ou plusieurs des types de données suivants. Seuls les types que vous choisissez peuvent être transmis ; une transmission qui comprend plusieurs types n’est autorisée que si vous les avez tous choisis.",
        "Images médicales, par type : " +
          "scanner (tomodensitométrie) ; " +
          "IRM (imagerie par résonance magnétique) ; " +
          "TEP (tomographie par émission de positons) ; " +
          "mammographies (radiographies des seins) ; " +
          "échographies ; " +
          "radiographies autres que les mammographies ; et " +
          "lames de pathologie numérique (images numérisées au microscope d’échantillons de tissus, comme des biopsies). " +
          "Les images sont accompagnées d’informations techniques sur la façon dont elles ont été prises, comme la date, l’appareil et ses réglages.",
        "Comptes rendus : comptes rendus de radiologie (le compte rendu écrit du médecin qui a interprété vos images) et comptes rendus d’anatomopathologie (le compte rendu écrit sur vos échantillons de tissus, y compris le type et le stade d’une tumeur).",
        "Antécédents médicaux : vos diagnostics, les maladies et affections antérieures pertinentes, et des informations de base comme votre âge, votre sexe, votre taille et votre poids.",
        "Traitements et évolution : les traitements que vous avez reçus, comme la chirurgie, la radiothérapie, la chimiothérapie et d’autres médicaments, l’évolution de votre maladie et, lorsque cette information est enregistrée, la survie.",
        "Données génomiques : informations issues de l’ADN, qui peuvent provenir de votre tumeur, de votre propre ADN hérité, ou des deux. " +
          "L’ADN hérité peut révéler des informations sur les membres de votre famille biologique, et pas seulement sur vous, et il ne peut pas être rendu véritablement anonyme. Réfléchissez-y avant de choisir ce type de données.",
        "Avant toute transmission, le nœud d’imagerie pseudonymise les données (article 4, point 5, du RGPD) : il retire votre nom, votre adresse, votre numéro d’identification national et les autres identifiants directs des images, de leurs informations techniques et des comptes rendus, et les remplace par un code. " +
          "Les données pseudonymisées restent des données à caractère personnel. Une personne disposant d’informations supplémentaires pourrait, dans certains cas, retrouver à qui elles appartiennent, par exemple à partir d’une image de la tête ou de données génétiques. " +
          "C’est pourquoi les destinataires sont tenus de ne jamais chercher à vous identifier, comme expliqué dans la partie « Qui peut recevoir vos données ».",
        "Votre numéro d’identification national n’est jamais communiqué aux destinataires. " +
          "Donum lui-même ne le conserve pas : lorsque vous vous connectez, ou lorsqu’un hôpital fait une demande vous concernant, le numéro est immédiatement converti en un code secret (une empreinte cryptographique calculée avec une clé secrète) et le numéro lui-même est supprimé. " +
          "Donum ne détient aucune image, aucun compte rendu ni aucun dossier médical.",
      ),
    },
    recipients: {
      heading: "Qui peut recevoir vos données",
      summary:
        "Vous choisissez les types d’organismes qui peuvent utiliser vos données. " +
        "Il peut s’agir d’organismes publics de recherche, d’organisations à but non lucratif ou d’entreprises. " +
        "Chaque projet est examiné avant de recevoir des données. " +
        "Les destinataires ne doivent jamais chercher à savoir qui vous êtes.",
      fullText: paragraphs(
        "Vous pouvez autoriser un ou plusieurs des trois types de destinataires suivants. " +
          "Organismes publics de recherche : universités, hôpitaux publics, instituts publics de recherche et autres organismes publics qui mènent des recherches. " +
          "Organisations à but non lucratif : fondations, associations caritatives, associations de patients et autres organismes sans but lucratif qui mènent des recherches. " +
          "Entreprises commerciales : entreprises à but lucratif, par exemple celles qui développent des logiciels médicaux, des outils d’IA, des dispositifs médicaux ou des médicaments.",
        "Si vous n’autorisez pas les entreprises commerciales, aucune entreprise commerciale ne reçoit vos données : elles ne peuvent être utilisées que par des organismes publics et à but non lucratif (en termes DUO : utilisation à but non lucratif uniquement).",
        "Chaque demande de transmission de données nomme l’organisme destinataire et indique son type ainsi que le pays où il est établi. " +
          "Donum vérifie ces deux éléments au regard de vos choix avant de répondre. " +
          "Dans la vue « Qui s’est renseigné sur moi », décrite dans la partie « Vos droits », vous pouvez voir le nom de chaque destinataire mentionné dans une demande vous concernant.",
        "Avant qu’un destinataire puisse recevoir des données, son projet doit être approuvé. " +
          "Dès que les règles relatives à l’utilisation secondaire du règlement sur l’espace européen des données de santé (règlement (UE) 2025/327) s’appliquent, un destinataire ne peut accéder aux données qu’en vertu d’une autorisation de traitement de données délivrée par un organisme responsable de l’accès aux données de santé (article 68), et dans le respect des conditions de cette autorisation. " +
          "Chaque destinataire doit également signer avec la fédération un accord qui limite l’utilisation des données au projet approuvé.",
        "Les destinataires ne doivent pas réidentifier, ni tenter de réidentifier, les personnes auxquelles les données se rapportent (article 61, paragraphe 3, du règlement (UE) 2025/327). " +
          "Ils ne doivent pas communiquer les données à une personne qui n’est pas désignée dans leur autorisation ou leur accord. " +
          "Ils ne doivent pas les utiliser pour prendre des décisions vous concernant, à des fins de publicité ou de marketing, ni pour tout usage interdit par la loi.",
      ),
    },
    processingLocation: {
      heading: "Où vos données peuvent aller",
      summary:
        "Vous choisissez où peuvent être établis les organismes qui reçoivent vos données. " +
        "Ils peuvent se trouver uniquement dans l’UE et l’EEE, qui comprend en plus l’Islande, le Liechtenstein et la Norvège. " +
        "Ou aussi dans des pays dont l’UE a reconnu qu’ils protègent bien les données. " +
        "Nous vérifions le pays de chaque destinataire.",
      fullText: paragraphs(
        "Ce choix concerne le pays où l’organisme destinataire est établi, tel qu’il est indiqué dans chaque demande de transmission de données. Donum vérifie ce pays au regard de votre choix avant de répondre.",
        "UE et EEE uniquement : les destinataires établis dans un État membre de l’Union européenne, ou en Islande, au Liechtenstein ou en Norvège (les autres pays de l’Espace économique européen). " +
          "Les deux options couvrent les destinataires établis dans ces pays.",
        "UE et EEE, et pays bénéficiant d’une décision d’adéquation : en plus, les destinataires établis dans un pays pour lequel la Commission européenne a constaté, en vertu de l’article 45 du RGPD, qu’il assure un niveau de protection adéquat des données à caractère personnel. " +
          "Dans le cadre de ce formulaire, ces pays sont : Andorre, l’Argentine, les îles Féroé, Guernesey, Israël, l’île de Man, le Japon, Jersey, la Nouvelle-Zélande, la République de Corée, la Suisse, le Royaume-Uni et l’Uruguay. " +
          "Le Canada et les États-Unis n’en font pas partie : leurs décisions ne couvrent que certaines organisations, et Donum ne peut pas vérifier lesquelles.",
        "Si la Commission abroge ou suspend la décision concernant l’un de ces pays, les transmissions aux destinataires qui y sont établis cessent. " +
          "Un pays qui obtient une décision plus tard n’est couvert qu’une fois que nous avons publié une nouvelle version de ce formulaire et que vous l’avez acceptée.",
        "Un destinataire établi hors de l’UE et de l’EEE reste lié par son autorisation ou son accord, et tout transfert ultérieur des données doit respecter les conditions du chapitre V du RGPD.",
        "Donum conserve lui-même l’enregistrement de votre consentement uniquement dans l’Union européenne et dans l’Espace économique européen.",
      ),
    },
    retention: {
      heading: "Combien de temps les données sont conservées",
      summary:
        "Les destinataires ne peuvent conserver vos données que le temps nécessaire à leur projet approuvé. " +
        "Ils doivent ensuite les supprimer. " +
        "Nous conservons la trace de vos choix, et de chaque demande vous concernant, tant que votre consentement est en vigueur. " +
        "Nous la conservons encore dix ans après sa fin.",
      fullText: paragraphs(
        "Votre consentement est valable jusqu’à ce que vous le retiriez, ou jusqu’à la date que vous choisissez en le donnant. " +
          "À cette date, il prend fin automatiquement, et aucune transmission n’est autorisée ensuite, sauf si vous donnez à nouveau votre consentement.",
        "Les destinataires ne peuvent conserver les données qu’ils reçoivent que le temps nécessaire à leur projet approuvé, dans la limite de la durée fixée dans leur autorisation de traitement de données ou leur accord. " +
          "À la fin de cette période, ils doivent les supprimer ou, s’ils ont travaillé dans un environnement de traitement sécurisé, leur accès prend fin. " +
          "Ils peuvent conserver les résultats de leurs recherches, comme les publications, les statistiques agrégées et les modèles d’IA entraînés.",
        "Donum conserve : le code secret qui vous représente (jamais votre numéro d’identification national) ; chaque version de vos choix, avec la version du formulaire et la langue qui vous ont été présentées, l’empreinte (hachage) du texte exact que vous avez accepté, la date et l’heure ainsi que la manière dont vous avez donné votre consentement ; " +
          "ainsi qu’un enregistrement de chaque demande vous concernant : quel nœud d’imagerie a fait la demande, quand, pour quelles données, quelle finalité et quel destinataire, et quelle a été la réponse. " +
          "Ces enregistrements forment une piste d’audit qui rend toute altération détectable et que les autorités de régulation peuvent vérifier.",
        "Nous conservons ces enregistrements tant que votre consentement existe et pendant dix ans après qu’il a pris fin par retrait, expiration ou refus (opt-out). " +
          "Nous en avons besoin pour prouver ce que vous avez accepté et ce qui a été transmis sur cette base (article 7, paragraphe 1, du RGPD), pour tenir les registres exigés par l’article 20 de l’acte sur la gouvernance des données, et pour la constatation ou la défense de droits en justice ; dix ans correspondent au délai de prescription de droit commun des actions en justice en Belgique, où Donum est établi. " +
          "Passé ce délai, nous supprimons les enregistrements qui vous concernent. Seules subsistent les empreintes cryptographiques nécessaires pour que la piste d’audit reste vérifiable.",
      ),
    },
    withdrawal: {
      heading: "Comment changer d’avis",
      summary:
        "Vous pouvez retirer votre consentement à tout moment, en une seule étape, gratuitement. " +
        "À partir de ce moment, plus aucune nouvelle donnée vous concernant n’est transmise. " +
        "Les recherches déjà réalisées avec des données partagées auparavant ne peuvent pas être annulées.",
      fullText: paragraphs(
        "Vous pouvez retirer votre consentement à tout moment, sans avoir à vous justifier et sans frais, en une seule étape dans votre compte Donum. " +
          "Vous pouvez aussi nous demander de le retirer pour vous en écrivant à contact@donum.example.org. " +
          "Retirer votre consentement est aussi simple que de le donner (article 7, paragraphe 3, du RGPD ; article 21, paragraphe 3, de l’acte sur la gouvernance des données).",
        "Chaque transmission de vos données est d’abord vérifiée auprès de Donum. " +
          "Dès que votre retrait est enregistré, chaque vérification donne une réponse négative, de sorte qu’aucune nouvelle donnée vous concernant n’est transmise. " +
          "Nous informons également les nœuds d’imagerie de votre retrait.",
        "Le retrait ne compromet pas la licéité de ce qui a été fait sur la base de votre consentement avant ce retrait (article 7, paragraphe 3, du RGPD). " +
          "Il ne peut pas annuler les recherches déjà menées, les résultats déjà publiés, ni les modèles d’IA déjà entraînés ou validés avec vos données ; on ne peut pas faire oublier à un modèle entraîné les données à partir desquelles il a appris. " +
          "Donum ne peut ni rappeler ni supprimer des données qui ont déjà été transmises. " +
          "Un destinataire qui détient encore vos données ne peut continuer à les utiliser que si la loi lui donne pour cela une base autre que votre consentement.",
        "Vous pouvez aussi modifier vos choix à tout moment, par exemple pour exclure les utilisations d’IA ou les destinataires commerciaux, ou pour partager moins de données. " +
          "Toute modification s’applique de la même manière dès la vérification suivante.",
        "Si vous avez choisi une date de fin, votre consentement prend fin automatiquement à cette date. " +
          "Après un retrait ou une date de fin, vous pouvez donner à nouveau votre consentement ; le nouveau consentement s’applique à partir de ce moment.",
        "Refuser toute utilisation secondaire dans le cadre de l’espace européen des données de santé est un droit distinct. Retirer ce consentement met fin uniquement à ce consentement. " +
          "En vertu de l’article 71 du règlement sur l’espace européen des données de santé (règlement (UE) 2025/327), vous avez aussi le droit de refuser, à tout moment et sans avoir à vous justifier, l’utilisation secondaire de vos données de santé électroniques au titre de ce règlement, c’est-à-dire leur utilisation, sans votre consentement, à des fins telles que la recherche, l’innovation et l’élaboration des politiques, par l’intermédiaire des organismes responsables de l’accès aux données de santé. " +
          "Votre État membre doit prévoir un moyen simple de le faire, et vous pouvez revenir sur ce refus. Le droit de cet État peut prévoir des exceptions limitées pour certaines finalités d’intérêt public.",
        "Vous pouvez aussi enregistrer un refus (opt-out) dans Donum. Il met fin à ce consentement, chaque vérification donne alors une réponse négative, et il reste en vigueur jusqu’à ce que vous donniez à nouveau votre consentement. " +
          "Un refus enregistré dans Donum s’applique aux transmissions effectuées par l’intermédiaire de Donum ; pour refuser l’utilisation secondaire par l’intermédiaire des organismes responsables de l’accès aux données de santé, utilisez le dispositif de refus de votre État membre.",
      ),
    },
    rights: {
      heading: "Vos droits",
      summary:
        "Vous pouvez consulter vos données, les faire rectifier ou effacer, en faire limiter l’utilisation et en obtenir une copie. " +
        "Vous pouvez voir chaque demande faite à votre sujet. " +
        "Vous pouvez télécharger un reçu de votre consentement. " +
        "En cas de mécontentement, vous pouvez introduire une réclamation auprès d’une autorité de protection des données.",
      fullText: paragraphs(
        "En vertu du RGPD, vous avez le droit : " +
          "d’accéder à vos données à caractère personnel et d’en recevoir une copie (article 15) ; " +
          "de faire rectifier des données inexactes (article 16) ; " +
          "de faire effacer vos données (article 17) ; " +
          "d’obtenir la limitation de leur traitement (article 18) ; " +
          "de recevoir les données que vous avez fournies dans un format structuré et lisible par machine, et de les faire transmettre à un autre organisme (portabilité des données, article 20) ; et " +
          "de vous opposer à un traitement fondé sur l’intérêt public ou sur des intérêts légitimes, y compris certains traitements à des fins de recherche scientifique (article 21). " +
          "Pour le partage couvert par ce formulaire, qui repose sur votre consentement, la manière de vous y opposer est de retirer votre consentement ou de modifier vos choix.",
        "Certains droits ont des limites. Nous ne pouvons pas effacer l’enregistrement de votre consentement et des demandes vous concernant tant que nous sommes tenus de le conserver, comme expliqué dans la partie « Combien de temps les données sont conservées » (article 17, paragraphe 3, points b) et e), du RGPD). " +
          "Les destinataires ne détiennent que des données pseudonymisées et ne peuvent pas savoir quelles données sont les vôtres ; ils peuvent donc être dans l’impossibilité de donner suite à une demande qui leur est adressée directement (article 11 du RGPD) ; nous vous aiderons à vous adresser aux nœuds d’imagerie, qui le peuvent.",
        "Votre reçu de consentement : chaque fois que vous donnez, modifiez ou retirez votre consentement, vous pouvez télécharger un reçu qui indique ce que vous avez choisi, la version du formulaire et la langue, ainsi que l’empreinte (hachage) du texte exact que vous avez accepté.",
        "« Qui s’est renseigné sur moi » : dans votre compte Donum, vous pouvez voir chaque demande qu’un nœud d’imagerie a faite à votre sujet, avec la date et l’heure, le nœud, les données, la finalité, le destinataire et la réponse.",
        "Pour exercer vos droits, utilisez votre compte Donum ou écrivez à notre délégué à la protection des données à l’adresse dpo@donum.example.org. " +
          "Nous répondons dans un délai d’un mois ; pour les demandes complexes, nous pouvons prolonger ce délai de deux mois et nous vous en indiquerons les raisons (article 12, paragraphe 3, du RGPD). " +
          "L’exercice de vos droits est gratuit.",
        "Vous avez le droit d’introduire une réclamation auprès d’une autorité de contrôle de la protection des données, en particulier dans l’État membre où vous résidez, où vous travaillez ou où vous estimez que la loi a été enfreinte (article 77 du RGPD). " +
          "L’autorité chef de file de Donum est l’Autorité de protection des données de Belgique. " +
          "Vous pouvez aussi introduire une réclamation contre Donum, en tant qu’organisation altruiste en matière de données, auprès de l’autorité compétente pour l’enregistrement des organisations altruistes en matière de données (article 27 de l’acte sur la gouvernance des données), et vous pouvez saisir la justice (article 79 du RGPD).",
      ),
    },
  },
  choices: {
    dataCategories: {
      "imaging.ct": "Scanner (tomodensitométrie)",
      "imaging.mr": "IRM (imagerie par résonance magnétique)",
      "imaging.pet": "TEP (tomographie par émission de positons)",
      "imaging.mammography": "Mammographies (radiographies des seins)",
      "imaging.ultrasound": "Échographies",
      "imaging.radiography": "Radiographies (clichés aux rayons X), autres que les mammographies",
      "imaging.digital-pathology": "Lames de pathologie numérique (images numérisées au microscope d’échantillons de tissus)",
      "report.radiology": "Comptes rendus de radiologie (le compte rendu écrit du médecin sur vos images)",
      "report.pathology": "Comptes rendus d’anatomopathologie (le compte rendu écrit sur vos échantillons de tissus)",
      "clinical.history": "Antécédents médicaux (diagnostics, maladies antérieures, âge, sexe, taille et poids)",
      "clinical.treatment-outcomes":
        "Traitements et évolution (les traitements que vous avez reçus et l’évolution de votre maladie)",
      genomics: "Données génomiques (informations issues de l’ADN de votre tumeur ou de votre ADN hérité)",
    },
    research: {
      GRU: "Tout type de recherche (utilisation pour la recherche générale, GRU)",
      HMB: "Uniquement la recherche en santé, médicale et biomédicale (HMB)",
      DS: "Uniquement la recherche sur les cancers que je sélectionne (spécifique à une maladie, DS)",
    },
    diseases: {
      "MONDO:0004992": "Tout cancer",
      "MONDO:0008903": "Cancer du poumon",
      "MONDO:0007254": "Cancer du sein",
      "MONDO:0008315": "Cancer de la prostate",
      "MONDO:0005575": "Cancer colorectal (côlon et rectum)",
      "MONDO:0005192": "Cancer du pancréas",
      "MONDO:0007256": "Cancer du foie (carcinome hépatocellulaire)",
      "MONDO:0001657": "Cancer du cerveau",
      "MONDO:0008170": "Cancer de l’ovaire",
      "MONDO:0005105": "Mélanome (un cancer de la peau)",
      "MONDO:0005062": "Lymphome",
    },
    aiUses: {
      AI_TRAINING: "Entraînement de modèles d’IA : mes données peuvent servir à construire (instruire) des modèles informatiques",
      AI_VALIDATION:
        "Test de modèles d’IA : mes données peuvent servir à évaluer dans quelle mesure un modèle informatique existant fonctionne bien",
    },
    recipientTypes: {
      public: "Organismes publics de recherche, comme les universités, les hôpitaux publics et les instituts publics de recherche",
      non_profit: "Organisations à but non lucratif, comme les fondations, les associations caritatives et les associations de patients",
      commercial:
        "Entreprises commerciales, comme les fabricants de logiciels médicaux, d’outils d’IA, de dispositifs médicaux ou de médicaments",
    },
    geography: {
      EU_EEA: "Uniquement des destinataires établis dans l’UE ou l’EEE (les pays de l’UE, l’Islande, le Liechtenstein et la Norvège)",
      EU_EEA_ADEQUACY:
        "Des destinataires établis dans l’UE ou l’EEE, et aussi dans les pays bénéficiant d’une décision d’adéquation cités dans ce formulaire",
    },
    mayRecontact:
      "Les projets qui prévoient de me recontacter, par l’intermédiaire de l’hôpital qui détient mes données, peuvent utiliser mes données",
    wantsFindings: "Je souhaite que l’on m’informe des résultats qui peuvent avoir une importance pour ma santé, lorsque c’est possible",
  },
  declaration:
    "J’ai lu ce formulaire. Je donne mon consentement explicite au partage des données que j’ai choisies, pour la recherche, les utilisations, les destinataires, les lieux et la période que j’ai choisis, tels que décrits ci-dessus. " +
    "Je sais que je peux modifier ou retirer mon consentement à tout moment, et que cela n’aura aucune incidence sur mes soins.",
};
