/**
 * French (fr). Register: "vous", worded so that no adjective agrees with the reader's gender.
 * Terminology as in the French consent form (lib/consent/forms/cancer-imaging-v1.fr.ts): donner /
 * retirer son consentement, refus (opt-out) de l’utilisation secondaire, espace européen des données
 * de santé, altruisme en matière de données, organisation altruiste en matière de données, acte sur
 * la gouvernance des données, RGPD, nœud d’imagerie, transmission, destinataire, empreinte, reçu de
 * consentement, « Qui s’est renseigné sur moi ». Typography as in the form: typographic apostrophe
 * and a no-break space (U+00A0) before « : ; ? ! » and inside guillemets.
 */
import type { Messages } from "./en";

export const fr: Messages = {
  meta: {
    title: "Donum — donnez vos données d’imagerie à la recherche sur le cancer",
    description:
      "Donum est le portail de consentement et d’altruisme en matière de données d’une fédération européenne d’imagerie en cancérologie. " +
      "Décidez si vos images médicales peuvent servir à la recherche sur le cancer, à vos conditions, et retirez votre consentement à tout moment.",
    signIn: "Connexion — Donum",
    myConsent: "Mon consentement — Donum",
    consent: "Consentement — Donum",
    history: "Historique — Donum",
    lookups: "Qui s’est renseigné sur moi — Donum",
    receipt: "Reçu de consentement — Donum",
    form: "Formulaire de consentement — Donum",
  },
  common: {
    skipToContent: "Aller au contenu principal",
    home: "Donum — accueil",
    language: "Langue",
    changeLanguage: "Changer de langue",
    mainNavigation: "Menu principal",
    back: "Retour",
    networkError: "pas de connexion avec Donum",
  },
  account: {
    signIn: "Se connecter",
    signedInAs: "Session ouverte au nom de",
    signOut: "Se déconnecter",
    regionLabel: "Votre compte",
  },
  footer: {
    operator:
      "Donum est exploité par une organisation altruiste en matière de données enregistrée au titre de l’acte européen sur la gouvernance des données.",
    status: "État du service (santé de l’API)",
  },
  home: {
    eyebrow: "L’altruisme en matière de données au service de la recherche sur le cancer",
    title: "Aidez la recherche sur le cancer avec vos images médicales — à vos conditions",
    lead:
      "Donum vous permet de décider si les images et les comptes rendus que les hôpitaux détiennent déjà à votre sujet peuvent servir " +
      "à améliorer la prise en charge du cancer, et comment. C’est volontaire et non rémunéré, et vous pouvez changer d’avis à tout moment.",
    getStarted: {
      signIn: "Se connecter avec votre eID nationale",
      help: "Vous vous connectez avec l’identité électronique de votre pays. Donum ne conserve jamais votre numéro d’identification national.",
    },
    altruism: {
      title: "Qu’est-ce que l’altruisme en matière de données ?",
      intro:
        "L’altruisme en matière de données consiste à choisir de partager des données vous concernant pour le bien de la société. " +
        "L’acte européen sur la gouvernance des données en fixe les règles : les organisations qui recueillent des données de cette manière " +
        "doivent être enregistrées, agir sans but lucratif et vous dire clairement à quoi serviront vos données.",
      items: {
        voluntary: {
          title: "Volontaire",
          detail: "Seulement si vous dites oui. Vous pouvez dire non, ou arrêter plus tard, sans avoir à vous justifier.",
        },
        unpaid: {
          title: "Sans rémunération",
          detail: "Vous faites don de vos données : personne ne vous paie pour cela.",
        },
        generalInterest: {
          title: "Dans l’intérêt général",
          detail: "Pour une recherche qui profite à tous — ici, un meilleur diagnostic et un meilleur traitement du cancer.",
        },
      },
    },
    howItWorks: {
      title: "Ce que deviennent vos images",
      intro:
        "Donum fait partie d’une fédération européenne d’hôpitaux qui met l’imagerie en cancérologie à la disposition de la recherche. " +
        "Donum lui-même ne détient jamais vos images : il conserve vos choix.",
      steps: {
        scansStay: {
          title: "Vos images restent à l’hôpital",
          detail:
            "Les hôpitaux de la fédération conservent leurs images sur leurs propres nœuds d’imagerie : scanner, IRM, TEP, mammographie, échographie, radiographie et lames de pathologie numérique, avec leurs comptes rendus.",
        },
        pseudonymised: {
          title: "Les chercheurs demandent des données pseudonymisées",
          detail:
            "Les chercheurs et les développeurs d’outils d’IA s’en servent pour mieux détecter et soigner le cancer. Votre nom et vos numéros d’identification sont remplacés par un code ; les données restent protégées par le RGPD en tant que données à caractère personnel.",
        },
        consentChecked: {
          title: "Votre consentement est vérifié d’abord, à chaque fois",
          detail:
            "Avant toute transmission, l’hôpital demande à Donum si vos choix autorisent cette transmission, pour cette finalité, à ce destinataire. Si vous n’avez pas dit oui, la réponse est non.",
        },
        signedAnswer: {
          title: "L’hôpital conserve la réponse signée",
          detail: "Donum signe chaque réponse. L’hôpital la conserve comme preuve de la raison pour laquelle des données ont été — ou n’ont pas été — transmises.",
        },
      },
    },
    control: {
      title: "Ce que vous décidez",
      intro: "Vous décidez de chaque aspect, et vous pouvez modifier chacun de vos choix plus tard.",
      items: {
        dataKinds: {
          title: "Quels types de données",
          detail:
            "Les images par type — scanner, IRM, TEP, mammographie, échographie, radiographie, pathologie numérique — et les comptes rendus qui les accompagnent.",
        },
        research: {
          title: "Pour quelle recherche",
          detail: "Toute recherche, la seule recherche en santé, ou seulement la recherche sur les cancers que vous choisissez.",
        },
        ai: {
          title: "Si l’IA peut apprendre de vos données",
          detail: "Dites oui ou non à l’entraînement de modèles d’IA avec vos données et, séparément, à leur test (validation) avec celles-ci.",
        },
        recipients: {
          title: "Qui peut les recevoir",
          detail: "Organismes publics de recherche, organisations à but non lucratif, entreprises — dans la combinaison de votre choix.",
        },
        where: {
          title: "Où elles peuvent aller",
          detail: "Uniquement dans l’UE et l’EEE, ou aussi dans les pays dont l’UE reconnaît qu’ils protègent les données aussi bien qu’elle.",
        },
        period: {
          title: "Pendant combien de temps",
          detail: "Jusqu’à ce que vous retiriez votre consentement, ou jusqu’à une date de votre choix.",
        },
        withdraw: {
          title: "Retirer votre consentement à tout moment, en une seule étape",
          detail:
            "Une seule action, et plus aucune nouvelle transmission n’est autorisée : chaque demande est vérifiée au regard de votre dernier choix. Les transmissions antérieures ne peuvent pas être annulées.",
        },
        optOut: {
          title: "Refuser toute utilisation secondaire",
          detail:
            "Dites non à toute réutilisation de vos données de santé pour la recherche, l’innovation ou l’élaboration des politiques — un droit que vous donne l’espace européen des données de santé.",
        },
        lookups: {
          title: "Voir qui s’est renseigné sur vous",
          detail: "Chaque fois qu’un hôpital a demandé s’il pouvait partager vos données, et la réponse qu’il a reçue.",
        },
        receipt: {
          title: "Télécharger un reçu signé",
          detail: "Une copie exacte de ce que vous avez accepté, dans les termes et la langue qui vous ont été présentés, que chacun peut vérifier.",
        },
      },
    },
    trust: {
      title: "Comment Donum mérite votre confiance",
      intro:
        "Les promesses ne suffisent pas. Ces garanties permettent aux hôpitaux, aux autorités de régulation et à vous-même de vérifier " +
        "que Donum fait ce qu’il dit, sans avoir à le croire sur parole.",
      points: {
        signedDecisions: {
          title: "Des décisions signées",
          detail:
            "Chaque oui ou non que Donum donne à un hôpital est signé numériquement. Il ne peut pas être modifié ensuite sans que cela se voie, et l’hôpital peut le vérifier lui-même.",
        },
        auditTrail: {
          title: "Une piste d’audit publique qui rend toute altération détectable",
          detail:
            "Chaque modification de votre consentement et chaque réponse de Donum sont enregistrées dans un journal conçu pour que toute modification ou suppression ultérieure soit détectée. Les autorités de régulation l’exportent et le vérifient elles-mêmes.",
        },
        nationalId: {
          title: "Votre numéro d’identification national n’est jamais conservé",
          detail:
            "Dès que votre numéro d’identification parvient à Donum, il est converti en un pseudonyme calculé avec une clé secrète — un code qui ne permet pas de retrouver votre numéro. Le numéro lui-même n’est jamais conservé, journalisé ni affiché.",
        },
      },
    },
  },
  signin: {
    heading: "Se connecter à Donum",
    intro:
      "Donum utilise l’identité électronique nationale (eID) de votre pays pour s’assurer qu’il s’agit bien de vous. " +
      "Vous quitterez ce site pour vous connecter avec votre eID, puis vous reviendrez ici.",
    privacy:
      "Donum ne conserve pas votre numéro d’identification national. Il le convertit immédiatement en un code que seul Donum peut recalculer, " +
      "et ne conserve que ce code avec vos choix.",
    button: "Se connecter avec votre eID nationale",
    busy: "Redirection vers votre eID…",
    devNoticeTitle: "Connexion de développement : comptes de démonstration uniquement",
    devNoticeBody:
      "Cette installation utilise la connexion de développement fournie, et non une véritable eID. Vous choisirez l’une des personnes de démonstration ; " +
      "rien de ce que vous faites ici ne concerne une personne réelle.",
    errorTitle: "La connexion n’a pas abouti",
    errors: {
      NoPersonIdentifier:
        "Votre eID n’a pas transmis à Donum de numéro d’identification national utilisable ; Donum ne peut donc pas savoir à qui appartient ce consentement. " +
        "Réessayez avec une eID nationale qui contient votre identifiant personnel.",
      NoSubject: "Votre connexion avec l’eID ne s’est pas terminée correctement. Veuillez réessayer.",
      DevProviderInProduction: "Cette connexion provient d’un fournisseur d’identité de développement, que ce portail n’accepte pas.",
      AccessDenied: "La connexion a été annulée ou refusée.",
      OAuthCallback: "La connexion a été annulée, ou votre fournisseur d’eID n’a pas pu confirmer votre identité. Veuillez réessayer.",
      Callback: "La connexion a été annulée, ou votre fournisseur d’eID n’a pas pu confirmer votre identité. Veuillez réessayer.",
      OAuthSignin: "Donum n’a pas pu joindre le service de connexion eID. Veuillez réessayer dans quelques minutes.",
      SessionRequired: "Veuillez vous connecter pour voir cette page.",
      Default: "La connexion n’a pas fonctionné. Veuillez réessayer.",
    },
  },
  nav: {
    myConsent: "Mon consentement",
    history: "Historique",
    lookups: "Qui s’est renseigné sur moi",
    regulator: "Espace d’audit",
    operatorForms: "Formulaires de consentement",
    operatorNodes: "Nœuds d’imagerie",
  },
  consent: {
    title: "Donner votre consentement",
    amendTitle: "Modifier votre consentement",
    reconsentTitle: "Veuillez renouveler votre consentement",
    stepsLabel: "Étapes",
    step: {
      read: "Lire",
      choose: "Choisir",
      review: "Vérifier",
      confirm: "Confirmer",
    },
    stepCounter: "Étape {current} sur {total}",
    read: {
      intro: "Lisez de quoi il s’agit. Chaque partie commence par un bref résumé ; le texte complet s’affiche d’un simple geste.",
      fullText: "Lire le texte complet",
      continue: "Passer à vos choix",
      languageFallback: "Ce formulaire n’est pas encore disponible dans votre langue ; il est affiché dans la langue suivante : {language}.",
      formVersion: "Formulaire de consentement, version {version}",
    },
    choose: {
      intro: "Choisissez exactement ce que vous autorisez. Tout ce que vous ne choisissez pas n’est pas autorisé.",
      dataCategories: "Lesquelles de vos données peuvent être utilisées ?",
      groupImaging: "Images (imagerie médicale)",
      groupReports: "Comptes rendus",
      groupClinical: "Informations cliniques",
      groupGenomics: "Informations génétiques",
      research: "Pour quelle recherche ?",
      diseases: "Quels cancers ?",
      aiUses: "Des modèles d’intelligence artificielle (IA) peuvent-ils apprendre à partir de vos données ?",
      aiUsesHint: "Laissez les deux cases décochées si vous ne voulez pas que vos données servent à l’IA.",
      recipients: "Qui peut recevoir vos données ?",
      geography: "Où les destinataires peuvent-ils être établis ?",
      period: "Pendant combien de temps ?",
      untilWithdrawn: "Jusqu’à ce que je retire mon consentement",
      untilDate: "Jusqu’à une date que je choisis",
      endDate: "Date de fin",
      conditions: "Vos souhaits",
      continue: "Vérifier mes choix",
    },
    errors: {
      dataCategories: "Choisissez au moins un type de données.",
      diseases: "Choisissez au moins un cancer.",
      recipientTypes: "Choisissez au moins un type de destinataire.",
      research: "Choisissez la recherche à laquelle vos données peuvent servir.",
      geography: "Choisissez où les destinataires peuvent être établis.",
      endDate: "Indiquez une date de fin dans le futur.",
      period: "Choisissez la durée de votre consentement.",
      generic: "Veuillez vérifier cette réponse.",
      summary: "Certaines réponses demandent votre attention :",
    },
    review: {
      intro: "Vérifiez vos choix. Voici exactement ce que votre consentement autorisera, et ce qu’il n’autorisera pas.",
      permitted: "Ce qui sera autorisé",
      notPermitted: "Ce qui ne sera pas autorisé",
      change: "Modifier mes choix",
      data: "Données",
      research: "Recherche",
      ai: "IA",
      recipients: "Destinataires",
      where: "Où",
      until: "Jusqu’à",
      untilWithdrawn: "jusqu’à ce que vous le retiriez",
      untilDate: "jusqu’au {date}",
      noAi: "Aucune utilisation pour des modèles d’IA",
      recontact: "Des projets peuvent vous recontacter par l’intermédiaire de votre hôpital",
      noRecontact: "Aucun projet ne peut vous recontacter",
      findings: "Vous souhaitez qu’on vous informe des résultats importants pour votre santé",
      continue: "Continuer",
    },
    confirm: {
      declarationHeading: "Votre déclaration",
      give: "Je donne mon consentement",
      save: "Enregistrer mes nouveaux choix",
      saving: "Enregistrement…",
      failed: "Votre consentement n’a pas pu être enregistré : {message}",
      conflict: "Votre consentement a été modifié dans une autre fenêtre. Rechargez la page pour voir la dernière version.",
      outdated: "Une nouvelle version du formulaire de consentement a été publiée pendant votre lecture. Rechargez la page pour la lire avant de décider.",
      unexpected: "Une erreur s’est produite (code {code}). Veuillez réessayer.",
    },
    done: {
      title: "Merci. Votre consentement est enregistré.",
      body: "Désormais, chaque hôpital interroge Donum avant de transmettre vos données, et reçoit une réponse conforme à vos choix.",
      receipt: "Voir et télécharger votre reçu",
      myConsent: "Aller à mon consentement",
    },
  },
  formPage: {
    title: "{title}, version {version}",
    published: "Publié le {date}",
    material:
      "Cette version modifie des conditions importantes : les consentements donnés sur des versions antérieures doivent être renouvelés pour les couvrir.",
    textHash: "Empreinte de ce texte (SHA-256)",
    languages: "Cette version dans d’autres langues",
    organisation: "Organisation altruiste en matière de données",
  },
  notFound: {
    title: "Cette page n’existe pas",
    body: "L’adresse est peut-être mal saisie, ou la page a été déplacée.",
    home: "Aller à la page d’accueil",
  },
  me: {
    title: "Mon consentement",
    none: "Vous n’avez pas donné votre consentement. Aucune donnée vous concernant n’est transmise pour la recherche.",
    give: "Donner mon consentement",
    status: {
      active: "Actif",
      withdrawn: "Retiré",
      expired: "Expiré",
      opted_out: "Refus de toute utilisation secondaire",
      none: "Aucun consentement",
    },
    statusLabel: "Statut",
    since: "Dernière modification le {date}",
    formVersion: "Donné sur la version {version} du formulaire ({language})",
    amend: "Modifier mes choix",
    withdraw: "Retirer mon consentement",
    withdrawHelp:
      "Une seule étape, à tout moment. Dès la vérification suivante, toute transmission est refusée. Les recherches déjà réalisées avec des données transmises auparavant ne peuvent pas être annulées.",
    withdrawn: "Votre consentement est retiré. Désormais, aucun hôpital ne peut transmettre vos données.",
    optOut: "Refuser toute utilisation secondaire",
    optOutHelp:
      "L’espace européen des données de santé vous permet de refuser toute réutilisation de vos données de santé pour la recherche, l’innovation ou l’élaboration des politiques. Cela met aussi fin à ce consentement.",
    optedOut: "Vous avez exercé votre droit de refus. Aucune transmission pour une utilisation secondaire n’est autorisée.",
    giveAgain: "Donner à nouveau mon consentement",
    reconsent:
      "Une nouvelle version du formulaire de consentement modifie des conditions importantes. Votre consentement ne couvre toujours que ce que vous aviez accepté ; renouvelez-le pour qu’il couvre les nouvelles conditions.",
    reconsentAction: "Lire et renouveler",
    expired: "Votre consentement a pris fin à sa date de fin. Plus rien n’est transmis.",
    receipt: "Reçu",
    history: "Historique",
    lookups: "Qui s’est renseigné sur moi",
    actionFailed: "L’opération n’a pas abouti : {message}",
  },
  history: {
    title: "Historique de votre consentement",
    intro: "Chaque modification, de la plus ancienne à la plus récente, avec le texte exact du formulaire qui vous a été présenté.",
    empty: "Il n’y a pas encore d’historique.",
    action: {
      granted: "Consentement donné",
      amended: "Consentement modifié",
      withdrawn: "Consentement retiré",
      opted_out: "Refus (opt-out)",
    },
    version: "Version {version}",
    form: "Formulaire {formId}, version {version}, langue {language}",
    textHash: "Empreinte du texte (SHA-256)",
    compare: "Comparer deux versions",
    compareFrom: "De",
    compareTo: "À",
    compareButton: "Comparer",
    changed: "Modifié",
    unchanged: "Inchangé",
    nothing: "rien",
  },
  lookups: {
    title: "Qui s’est renseigné sur moi",
    intro: "Chaque fois que le nœud d’imagerie d’un hôpital a demandé à Donum s’il pouvait transmettre vos données, et la réponse qu’il a reçue.",
    empty:
      "Personne ne s’est encore renseigné sur vous. Quand un hôpital demandera s’il peut transmettre vos données, la question et la réponse de Donum apparaîtront ici.",
    organisation: "Organisme",
    time: "Quand",
    purpose: "Finalité",
    recipient: "Destinataire",
    permit: "Autorisé",
    deny: "Refusé",
  },
  proof: {
    summary: "Preuve que ceci est enregistré",
    heading: "Preuve d’inclusion dans le journal",
    intro:
      "Cette consultation est enregistrée dans un journal public que Donum ne peut pas réécrire sans que cela se voie. " +
      "Appuyez sur le bouton et votre navigateur le vérifie lui-même, avec seulement ce qui est affiché ici et les clés publiées de Donum.",
    regulatorIntro:
      "La preuve d’inclusion de l’entrée par rapport au dernier point de contrôle signé (RFC 9162). La vérification se fait dans ce seul navigateur : " +
      "elle calcule l’empreinte de l’entrée, replie la preuve jusqu’à la racine et vérifie la signature du point de contrôle avec les clés publiées sur /.well-known/jwks.json.",
    withheld:
      "Cette entrée concerne une personne : son texte complet (avec sa clé pseudonyme) n’est donc pas affiché. " +
      "La vérification part de l’empreinte de l’entrée telle que Donum l’indique.",
    pending: "Pas encore dans un point de contrôle signé ; les entrées y sont ajoutées en moins d’une minute. Rechargez la page pour voir la preuve.",
    seq: "Position dans le journal",
    leafHash: "Empreinte de l’entrée",
    path: "Empreintes de la preuve (la plus proche d’abord)",
    noPath: "Aucune : le journal ne contenait que cette entrée",
    treeSize: "Entrées dans le point de contrôle signé",
    rootHash: "Empreinte racine du journal",
    time: "Signature du point de contrôle",
    entry: "Afficher l’entrée telle qu’enregistrée (JSON canonique)",
    jws: "Afficher le point de contrôle signé de Donum (JWS)",
    check: "Vérifier dans ce navigateur",
    checking: "Vérification en cours…",
    steps: "Étapes de la vérification",
    hashes: {
      one: "{count} empreinte de preuve",
      other: "{count} empreintes de preuve",
    },
    entries: {
      one: "{count} entrée",
      other: "{count} entrées",
    },
    result: {
      ok: "Inclus dans le journal : l’empreinte de l’entrée, {hashes} et le point de contrôle signé de Donum sur {entries} concordent.",
      okGiven:
        "Inclus dans le journal : l’empreinte indiquée de l’entrée, {hashes} et le point de contrôle signé de Donum sur {entries} concordent. " +
        "L’empreinte de l’entrée elle-même n’a pas été recalculée, car son texte n’est pas affiché ici.",
      failed: "Non confirmé. Cette étape a échoué : {step}. {reason}",
      error: "Votre navigateur n’a pas pu effectuer la vérification. Veuillez réessayer ou utiliser un autre navigateur.",
    },
    step: {
      entry: "L’empreinte de l’entrée",
      checkpoint: "Le point de contrôle de Donum",
      proof: "Les empreintes de la preuve",
      signature: "La signature de Donum",
    },
    stepStatus: {
      passed: "vérification réussie",
      failed: "échec",
      skipped: "vérification non effectuée",
      given: "valeur reprise telle que Donum l’indique",
    },
    failure: {
      ENTRY_MALFORMED: "Le texte de l’entrée n’a pas pu être lu.",
      ENTRY_SEQ_MISMATCH: "Le texte de l’entrée indique une autre position dans le journal que la preuve.",
      LEAF_MISMATCH: "L’empreinte du texte de l’entrée n’est pas celle dont part la preuve : l’entrée a peut-être été modifiée.",
      CHECKPOINT_MALFORMED: "Le point de contrôle signé n’a pas pu être lu.",
      TREE_SIZE_MISMATCH: "La preuve porte sur un journal d’une autre taille que le point de contrôle signé.",
      PROOF_MALFORMED: "Les empreintes de la preuve ne correspondent pas à cette position ni à cette taille du journal.",
      ROOT_MISMATCH: "Les empreintes de la preuve ne mènent pas à l’empreinte racine du point de contrôle signé.",
      SIGNATURE_UNSUPPORTED: "Le point de contrôle n’est pas signé comme Donum signe ses points de contrôle.",
      UNKNOWN_KEY: "Le point de contrôle a été signé avec une clé qui ne fait pas partie des clés publiées de Donum.",
      BAD_SIGNATURE: "La signature de Donum sur le point de contrôle ne correspond pas à ses clés publiées.",
      JWKS_UNAVAILABLE: "Les clés publiées de Donum n’ont pas pu être récupérées. Vérifiez votre connexion et réessayez.",
    },
  },
  receipt: {
    title: "Votre reçu de consentement",
    intro:
      "Ce reçu indique ce que vous avez choisi, quand, et exactement quel texte du formulaire de consentement vous avez lu. " +
      "Donum l’a signé : chacun peut ainsi vérifier qu’il n’a pas été modifié depuis.",
    print: "Imprimer ou enregistrer en PDF",
    download: "Télécharger le reçu signé (JWS)",
    downloadHelp: "Le reçu signé est un fichier qu’un ordinateur peut vérifier. Conservez-le avec vos documents.",
    none: "Vous n’avez encore donné ni enregistré aucun consentement : il n’y a donc pas de reçu à afficher.",
    labelsLanguageNote: "Les choix ci-dessous sont présentés dans les termes du formulaire que vous avez lu.",
    status: {
      heading: "Statut",
      value: {
        active: "Votre consentement est actif",
        expired: "Votre consentement a pris fin : sa date de fin est passée",
        withdrawn: "Vous avez retiré votre consentement",
        opted_out: "Vous avez refusé toute utilisation secondaire de vos données de santé",
        superseded: "Cette modification a été remplacée par une modification ultérieure",
      },
      action: {
        granted: "Vous avez donné votre consentement",
        amended: "Vous avez modifié votre consentement",
        withdrawn: "Vous avez retiré votre consentement",
        opted_out: "Vous avez exercé votre droit de refus",
      },
      what: "Ce que ce reçu atteste",
      when: "Quand",
      position: "Modification {position} sur {of} dans votre historique",
      how: "Comment",
      method: {
        web: "En ligne, sur le portail Donum",
        operatorAssisted: "Avec l’aide du personnel de Donum",
      },
    },
    scope: {
      heading: "Ce que vous avez accepté",
      nothing: "Rien : ce reçu atteste qu’aucune donnée ne peut être partagée sur la base de votre consentement.",
      service: "Formulaire de consentement",
      research: "Type de recherche",
      diseases: "Uniquement la recherche sur",
      ai: "Intelligence artificielle (IA)",
      noAi: "Aucune utilisation d’IA",
      data: "Données pouvant être partagées",
      recipients: "Qui peut les recevoir",
      where: "Où les destinataires peuvent être établis",
      countries: "Pays : {countries}",
      until: "Jusqu’à quand",
      untilWithdrawn: "Jusqu’à ce que vous le retiriez",
      conditions: "Autres choix",
      yes: "Oui",
      no: "Non",
      codes: "Codes : {codes}",
      consentType: "Type de consentement : explicite (article 9, paragraphe 2, point a), du RGPD)",
    },
    withdraw: {
      heading: "Comment retirer ou modifier votre consentement",
      manage: "Modifier ou retirer votre consentement",
    },
    controller: {
      heading: "Qui conserve votre consentement",
      name: "Responsable du traitement",
      address: "Adresse",
      registration: "Enregistrement",
      email: "Courriel",
      dpo: "Délégué à la protection des données",
      website: "Site web",
    },
    notice: {
      heading: "Le texte que vous avez accepté",
      none: "Ce choix a été enregistré sans lecture d’un formulaire de consentement : aucun texte de formulaire n’y est donc associé.",
      form: "Formulaire",
      version: "Version du formulaire",
      language: "Langue",
      hash: "Empreinte du texte (SHA-256)",
      hashHelp: "L’empreinte change si un seul caractère du texte change : elle prouve donc quels mots vous avez lus.",
      read: "Lire cette version du formulaire",
    },
    about: {
      heading: "À propos de ce reçu",
      receiptId: "Numéro du reçu",
      consentReference: "Référence du consentement",
      consentReferenceHelp: "Indiquez cette référence si vous nous contactez. Elle ne révèle pas votre identité.",
      issued: "Date de délivrance",
      jurisdiction: "Droit applicable",
      sensitive: "Catégories particulières de données (article 9 du RGPD)",
      spi: {
        health: "Données de santé",
        genetic: "Données génétiques",
      },
      standard: "Format du reçu",
      key: "Clé de signature",
      keys: "Clés publiques de Donum",
    },
    jws: {
      heading: "Reçu signé",
      show: "Afficher le reçu signé (JWS)",
    },
  },
  regulator: {
    meta: "Activité du journal d’audit — Donum",
    title: "Activité du journal d’audit",
    intro:
      "Les modifications de consentement et les vérifications de consentement telles que le journal d’audit les enregistre. Les jours sont des jours UTC. " +
      "Les entrées ne montrent aucune clé de personne : vous voyez ce qui a été décidé et par quel nœud, pas à propos de qui.",
    filter: {
      heading: "Filtre",
      from: "Du (jour UTC)",
      to: "Au (jour UTC, inclus)",
      type: "Type d’événement",
      node: "Nœud d’imagerie",
      decision: "Décision",
      any: "Tous",
      apply: "Appliquer le filtre",
      reset: "Effacer le filtre",
      invalid: "Certaines valeurs du filtre étaient illisibles et ont été remplacées par leur valeur par défaut : {fields}.",
    },
    truncated: "Cette période compte plus de {max} entrées : seules celles jusqu’à {time} sont comptées. Choisissez une période plus courte pour les voir toutes.",
    tableRegion: "{name} (tableau ; défile horizontalement sur un écran étroit)",
    consents: {
      heading: "Modifications de consentement par jour",
      desc: "Barres empilées, une par jour UTC du {from} au {to}, des consentements donnés, modifiés, retirés et des oppositions ; chaque type a son propre motif. Le jour le plus chargé a compté {max} modifications. Le tableau ci-dessous donne les mêmes chiffres.",
      day: "Jour (UTC)",
      total: "Total",
    },
    decisions: {
      heading: "Décisions par nœud",
      desc: "Paires de barres pour chaque nœud d’imagerie : autorisations (pleines) et refus (hachurés), avec le nombre écrit au bout de chaque barre. Le tableau ci-dessous donne les mêmes chiffres.",
      node: "Nœud",
      empty: "Aucune décision pendant cette période.",
    },
    denyRate: {
      heading: "Taux de refus",
      desc: "Une barre par nœud d’imagerie et une pour l’ensemble des nœuds : la part des décisions qui étaient des refus, écrite en pourcentage au bout de chaque barre. Le tableau ci-dessous donne les mêmes chiffres.",
      overall: "Tous les nœuds",
      rate: "Taux de refus",
      decisions: "Décisions",
    },
    exports: {
      meta: "Exports — Donum",
      title: "Exporter le journal d’audit",
      intro: "Un export est un lot que vous pouvez vérifier sans faire confiance à Donum : les entrées d’une période (NDJSON et CSV), le point de contrôle du journal signé par Donum, la preuve qui reconstruit ce point de contrôle à partir des entrées, et un manifeste signé par Donum. Chaque export est lui-même consigné dans le journal d’audit.",
      link: "Exporter cette période",
      back: "Retour à l’activité d’audit",
      form: {
        heading: "Nouvel export",
        from: "Du (jour UTC)",
        to: "Au (jour UTC, inclus ; aujourd’hui s’arrête maintenant)",
        submit: "Lancer l’export",
        busy: "Lancement…",
        started: "L’export a commencé ; sa progression s’affiche ci-dessous.",
        failed: "L’export n’a pas pu être lancé : {message}",
        note: "Sans filtre, le lot contient toutes les entrées du tronçon du journal de la période, sans lacune ; avec des filtres, il contient les entrées correspondantes, chacune prouvée présente dans le journal.",
      },
      error: {
        required: "Choisissez un jour.",
        order: "Le premier jour doit précéder le dernier ou être le même.",
        future: "Le premier jour ne peut pas être dans le futur.",
      },
      list: {
        heading: "Exports récents",
        empty: "Aucun export pour l’instant.",
        period: "Période",
        filters: "Filtres",
        none: "aucun",
        requested: "Demandé le",
      },
      state: {
        queued: "En attente",
        running: "En cours",
        done: "Terminé",
        failed: "Échec",
      },
      progress: "{scanned} entrées lues sur {total}",
      progressUnknown: "Recherche des entrées de la période…",
      done: "{entries} entrées, couvertes par le point de contrôle signé de Donum portant sur {treeSize} entrées.",
      download: "Télécharger le lot (.tar)",
      files: "Fichiers séparés",
      verify: "Pour le vérifier, exécutez ceci dans une copie de Donum (cela vérifie les deux signatures, la place de chaque entrée dans le journal, la séquence, et que le journal n’a fait que croître depuis) :",
      failure: "L’export a échoué ({code}) : {message}. Référence : {correlationId}",
    },
    kind: {
      granted: "Donnés",
      amended: "Modifiés",
      withdrawn: "Retirés",
      opted_out: "Oppositions",
    },
    decision: {
      PERMIT: "Autorisation",
      DENY: "Refus",
    },
    type: {
      consent_granted: "Consentement donné",
      consent_amended: "Consentement modifié",
      consent_withdrawn: "Consentement retiré",
      consent_opted_out: "Opposition exprimée",
      form_published: "Version du formulaire publiée",
      node_registered: "Nœud enregistré",
      node_status_changed: "Statut du nœud modifié",
      node_key_rotated: "Clé du nœud renouvelée",
      node_request_refused: "Requête du nœud refusée",
      signing_key_rotated: "Clé de signature de Donum renouvelée",
      export_requested: "Export du journal d’audit demandé",
      export_completed: "Export du journal d’audit terminé",
      export_failed: "Échec de l’export du journal d’audit",
      decision_made: "Décision rendue",
    },
    entry: {
      meta: "Entrée du journal d’audit — Donum",
      back: "Retour à l’activité du journal d’audit",
      title: "Entrée du journal d’audit",
      notFound: "Aucune entrée du journal ne porte cette référence.",
      id: "Référence de l’entrée",
      seq: "Position dans le journal",
      pending: "Pas encore dans le journal",
      actor: "Enregistrée pour",
      purpose: "Finalité",
      recipient: "Destinataire",
      categories: "Catégories de données",
      permit: "Autorisation de données ou projet",
      batch: "Partie d’un lot",
      batchItem: "{id}, élément {index}",
    },
    actorKind: {
      subject: "Une personne",
      operator: "Un opérateur ou une autorité de contrôle",
      node: "Un nœud d’imagerie",
      system: "Donum lui-même",
    },
    entries: {
      heading: "Entrées",
      count: "{total} entrées correspondent, sur {scanned} dans la période.",
      showing: "Affichage de {first} à {last}, les plus récentes d’abord.",
      empty: "Aucune entrée ne correspond à ce filtre.",
      time: "Heure (UTC)",
      type: "Événement",
      node: "Nœud",
      decision: "Décision",
      reasons: "Motifs",
      subject: "Concerne une personne",
      yes: "Oui",
      no: "Non",
      none: "—",
      newer: "Entrées plus récentes",
      older: "Entrées plus anciennes",
      pages: "Pages d’entrées",
    },
  },
};
