/**
 * German (de). Register: "Sie". Terminology as in the German consent form
 * (lib/consent/forms/cancer-imaging-v1.de.ts): Einwilligung erteilen / widerrufen, Widerspruch
 * (Opt-out) gegen die Sekundärnutzung, Europäischer Gesundheitsdatenraum, Datenaltruismus,
 * datenaltruistische Organisation, Daten-Governance-Rechtsakt, DSGVO, Bilddatenknoten, Freigabe,
 * Empfänger, Fingerabdruck, Einwilligungsbeleg, „Wer hat nach mir gefragt?“.
 */
import type { Messages } from "./en";

export const de: Messages = {
  meta: {
    title: "Donum — Ihre Bilddaten für die Krebsforschung spenden",
    description:
      "Donum ist das Einwilligungs- und Datenaltruismus-Portal eines europäischen Verbunds für onkologische Bildgebung. " +
      "Entscheiden Sie selbst, ob Ihre Aufnahmen für die Krebsforschung genutzt werden dürfen, zu Ihren Bedingungen, und widerrufen Sie jederzeit.",
    signIn: "Anmelden — Donum",
    myConsent: "Meine Einwilligung — Donum",
    consent: "Einwilligung — Donum",
    history: "Verlauf — Donum",
    lookups: "Wer hat nach mir gefragt? — Donum",
    receipt: "Einwilligungsbeleg — Donum",
    form: "Einwilligungsformular — Donum",
  },
  common: {
    skipToContent: "Zum Hauptinhalt springen",
    home: "Donum — Startseite",
    language: "Sprache",
    changeLanguage: "Sprache ändern",
    mainNavigation: "Hauptmenü",
    back: "Zurück",
    networkError: "keine Verbindung zu Donum",
  },
  account: {
    signIn: "Anmelden",
    signedInAs: "Angemeldet als",
    signOut: "Abmelden",
    regionLabel: "Ihr Konto",
  },
  footer: {
    operator: "Donum wird von einer datenaltruistischen Organisation betrieben, die nach dem Daten-Governance-Rechtsakt der EU eingetragen ist.",
    status: "Dienststatus (Zustand der API)",
  },
  home: {
    eyebrow: "Datenaltruismus für die Krebsforschung",
    title: "Helfen Sie der Krebsforschung mit Ihren medizinischen Aufnahmen — zu Ihren Bedingungen",
    lead:
      "Mit Donum entscheiden Sie, ob und wie die Aufnahmen und Befundberichte, die Krankenhäuser bereits über Sie haben, " +
      "genutzt werden dürfen, um die Krebsversorgung zu verbessern. Die Teilnahme ist freiwillig und unbezahlt, und Sie können es sich jederzeit anders überlegen.",
    getStarted: {
      signIn: "Mit Ihrer nationalen eID anmelden",
      help: "Sie melden sich mit der elektronischen Identität Ihres Landes an. Donum speichert Ihre nationale Identifikationsnummer nie.",
    },
    altruism: {
      title: "Was ist Datenaltruismus?",
      intro:
        "Datenaltruismus bedeutet, Daten über sich selbst zum Wohl der Gesellschaft zu teilen. Die Regeln dafür legt der " +
        "Daten-Governance-Rechtsakt der EU fest: Organisationen, die Daten auf diese Weise sammeln, müssen eingetragen sein, " +
        "ohne Erwerbszweck arbeiten und Ihnen klar sagen, wofür Ihre Daten verwendet werden.",
      items: {
        voluntary: {
          title: "Freiwillig",
          detail: "Nur wenn Sie Ja sagen. Sie können Nein sagen oder später aufhören, ohne Gründe anzugeben.",
        },
        unpaid: {
          title: "Ohne Bezahlung",
          detail: "Sie geben Ihre Daten als Geschenk: Niemand bezahlt Sie dafür.",
        },
        generalInterest: {
          title: "Im allgemeinen Interesse",
          detail: "Für Forschung, die allen nützt — hier für eine bessere Diagnose und Behandlung von Krebs.",
        },
      },
    },
    howItWorks: {
      title: "Was mit Ihren Aufnahmen geschieht",
      intro:
        "Donum gehört zu einem europäischen Verbund von Krankenhäusern, der onkologische Bilddaten für die Forschung verfügbar macht. " +
        "Donum selbst verwahrt Ihre Aufnahmen nie: Es verwahrt Ihre Entscheidungen.",
      steps: {
        scansStay: {
          title: "Ihre Aufnahmen bleiben im Krankenhaus",
          detail:
            "Die Krankenhäuser des Verbunds bewahren ihre Bilddaten auf ihren eigenen Bilddatenknoten auf: CT-, MRT- und PET-Aufnahmen, Mammografien, Ultraschall- und Röntgenbilder (Radiografien) sowie digitale Pathologie-Präparate, zusammen mit den Befundberichten.",
        },
        pseudonymised: {
          title: "Forschende fragen pseudonymisierte Daten an",
          detail:
            "Forschende sowie Entwicklerinnen und Entwickler von KI-Werkzeugen nutzen sie, um Krebs besser zu erkennen und zu behandeln. Ihr Name und Ihre Identifikationsnummern werden durch einen Code ersetzt; die Daten bleiben als personenbezogene Daten nach der DSGVO geschützt.",
        },
        consentChecked: {
          title: "Ihre Einwilligung wird zuerst geprüft, jedes Mal",
          detail:
            "Bevor es etwas freigibt, fragt das Krankenhaus bei Donum an, ob Ihre Entscheidungen diese Freigabe erlauben, für diesen Zweck und an diesen Empfänger. Wenn Sie nicht Ja gesagt haben, lautet die Antwort Nein.",
        },
        signedAnswer: {
          title: "Das Krankenhaus bewahrt die signierte Antwort auf",
          detail: "Donum signiert jede Antwort. Das Krankenhaus bewahrt sie als Nachweis dafür auf, warum Daten freigegeben wurden — oder nicht.",
        },
      },
    },
    control: {
      title: "Was Sie bestimmen",
      intro: "Sie entscheiden über jeden Teil, und Sie können jede Entscheidung später ändern.",
      items: {
        dataKinds: {
          title: "Welche Arten von Daten",
          detail:
            "Aufnahmen nach Art — CT, MRT, PET, Mammografie, Ultraschall, Röntgen (Radiografie), digitale Pathologie — und die zugehörigen Befundberichte.",
        },
        research: {
          title: "Für welche Forschung",
          detail: "Jede Forschung, nur Gesundheitsforschung oder nur Forschung zu den Krebsarten, die Sie auswählen.",
        },
        ai: {
          title: "Ob KI daraus lernen darf",
          detail: "Sagen Sie Ja oder Nein zum Training von KI-Modellen mit Ihren Daten und, gesondert, zu ihrem Testen (Validieren) damit.",
        },
        recipients: {
          title: "Wer sie erhalten darf",
          detail: "Öffentliche Forschungseinrichtungen, gemeinnützige Organisationen, Unternehmen — in jeder Kombination, die Sie wählen.",
        },
        where: {
          title: "Wohin sie gelangen dürfen",
          detail: "Nur innerhalb von EU und EWR oder auch in Länder, denen die EU einen ebenso guten Datenschutz bescheinigt hat.",
        },
        period: {
          title: "Wie lange",
          detail: "Bis Sie widerrufen, oder bis zu einem Datum, das Sie wählen.",
        },
        withdraw: {
          title: "Jederzeit widerrufen, mit einem einzigen Schritt",
          detail:
            "Ein Schritt, und keine neue Freigabe ist mehr erlaubt: Jede Anfrage wird anhand Ihrer neuesten Entscheidung geprüft. Frühere Freigaben lassen sich damit nicht rückgängig machen.",
        },
        optOut: {
          title: "Jeder Sekundärnutzung widersprechen",
          detail:
            "Sagen Sie Nein zu jeder Weiterverwendung Ihrer Gesundheitsdaten für Forschung, Innovation oder Politikgestaltung — ein Recht, das Ihnen der Europäische Gesundheitsdatenraum gibt.",
        },
        lookups: {
          title: "Sehen, wer nach Ihnen gefragt hat",
          detail: "Jedes Mal, wenn ein Krankenhaus gefragt hat, ob es Ihre Daten weitergeben darf, und die Antwort, die es erhalten hat.",
        },
        receipt: {
          title: "Einen signierten Einwilligungsbeleg herunterladen",
          detail: "Eine Kopie genau dessen, dem Sie zugestimmt haben, im Wortlaut und in der Sprache, die Ihnen angezeigt wurden — von jedem überprüfbar.",
        },
      },
    },
    trust: {
      title: "Wie Donum Ihr Vertrauen verdient",
      intro:
        "Versprechen genügen nicht. Mit diesen Schutzmaßnahmen können Krankenhäuser, Aufsichtsbehörden und Sie selbst prüfen, " +
        "ob Donum tut, was es sagt, statt sich auf sein Wort verlassen zu müssen.",
      points: {
        signedDecisions: {
          title: "Signierte Entscheidungen",
          detail:
            "Jedes Ja oder Nein, das Donum einem Krankenhaus gibt, ist digital signiert. Es lässt sich nachträglich nicht unbemerkt ändern, und das Krankenhaus kann es selbst prüfen.",
        },
        auditTrail: {
          title: "Ein öffentlicher Prüfpfad, in dem jede Manipulation erkennbar wäre",
          detail:
            "Jede Änderung Ihrer Einwilligung und jede Antwort von Donum wird in einem Protokoll festgehalten, das so aufgebaut ist, dass jede spätere Änderung oder Löschung entdeckt würde. Aufsichtsbehörden exportieren es und prüfen es selbst.",
        },
        nationalId: {
          title: "Ihre nationale Identifikationsnummer wird nie gespeichert",
          detail:
            "Sobald Ihre Identifikationsnummer Donum erreicht, wird sie sofort in ein mit einem geheimen Schlüssel gebildetes Pseudonym umgewandelt — einen Code, aus dem sich Ihre Nummer nicht zurückgewinnen lässt. Die Nummer selbst wird nie gespeichert, protokolliert oder angezeigt.",
        },
      },
    },
  },
  signin: {
    heading: "Bei Donum anmelden",
    intro:
      "Donum nutzt die nationale elektronische Identität (eID) Ihres Landes, um sicherzugehen, dass Sie es sind. " +
      "Sie verlassen diese Website, um sich mit Ihrer eID anzumelden, und kehren danach hierher zurück.",
    privacy:
      "Donum bewahrt Ihre nationale Identifikationsnummer nicht auf. Es wandelt sie sofort in einen Code um, den nur Donum " +
      "neu berechnen kann, und speichert nur diesen Code zusammen mit Ihren Entscheidungen.",
    button: "Mit Ihrer nationalen eID anmelden",
    busy: "Sie werden zu Ihrer eID weitergeleitet…",
    devNoticeTitle: "Entwicklungs-Anmeldung: nur Demo-Konten",
    devNoticeBody:
      "Diese Installation verwendet die mitgelieferte Entwicklungs-Anmeldung, keine echte eID. Sie wählen eine der Demo-Personen aus; " +
      "nichts, was Sie hier tun, betrifft eine echte Person.",
    errorTitle: "Sie sind nicht angemeldet",
    errors: {
      NoPersonIdentifier:
        "Ihre eID hat Donum keine verwendbare nationale Identifikationsnummer übermittelt, daher kann Donum nicht feststellen, " +
        "wessen Einwilligung dies ist. Versuchen Sie es erneut mit einer nationalen eID, die Ihre persönliche Kennung enthält.",
      NoSubject: "Ihre Anmeldung mit der eID wurde nicht korrekt abgeschlossen. Bitte versuchen Sie es erneut.",
      DevProviderInProduction: "Diese Anmeldung stammt von einem Identitätsanbieter für die Entwicklung, den dieses Portal nicht akzeptiert.",
      AccessDenied: "Die Anmeldung wurde abgebrochen oder abgelehnt.",
      OAuthCallback: "Die Anmeldung wurde abgebrochen, oder Ihr eID-Anbieter konnte Ihre Identität nicht bestätigen. Bitte versuchen Sie es erneut.",
      Callback: "Die Anmeldung wurde abgebrochen, oder Ihr eID-Anbieter konnte Ihre Identität nicht bestätigen. Bitte versuchen Sie es erneut.",
      OAuthSignin: "Donum konnte den eID-Anmeldedienst nicht erreichen. Bitte versuchen Sie es in einigen Minuten erneut.",
      SessionRequired: "Bitte melden Sie sich an, um diese Seite zu sehen.",
      Default: "Die Anmeldung hat nicht funktioniert. Bitte versuchen Sie es erneut.",
    },
  },
  nav: {
    myConsent: "Meine Einwilligung",
    history: "Verlauf",
    lookups: "Wer hat nach mir gefragt?",
    regulator: "Prüfbereich",
    operatorForms: "Einwilligungsformulare",
    operatorNodes: "Bilddatenknoten",
  },
  consent: {
    title: "Ihre Einwilligung erteilen",
    amendTitle: "Ihre Einwilligung ändern",
    reconsentTitle: "Bitte erneuern Sie Ihre Einwilligung",
    stepsLabel: "Schritte",
    step: {
      read: "Lesen",
      choose: "Auswählen",
      review: "Prüfen",
      confirm: "Bestätigen",
    },
    stepCounter: "Schritt {current} von {total}",
    read: {
      intro: "Lesen Sie, worum es geht. Jeder Teil hat eine kurze Zusammenfassung; der vollständige Text ist nur einen Klick entfernt.",
      fullText: "Vollständigen Text lesen",
      continue: "Weiter zu Ihrer Auswahl",
      languageFallback: "Dieses Formular ist noch nicht in Ihrer Sprache verfügbar; es wird auf {language} angezeigt.",
      formVersion: "Einwilligungsformular, Version {version}",
    },
    choose: {
      intro: "Wählen Sie genau aus, was Sie erlauben. Alles, was Sie nicht auswählen, ist nicht erlaubt.",
      dataCategories: "Welche Ihrer Daten dürfen verwendet werden?",
      groupImaging: "Aufnahmen (Bildgebung)",
      groupReports: "Befundberichte",
      groupClinical: "Klinische Angaben",
      groupGenomics: "Genetische Informationen",
      research: "Für welche Forschung?",
      diseases: "Welche Krebsarten?",
      aiUses: "Dürfen Modelle der künstlichen Intelligenz (KI) aus Ihren Daten lernen?",
      aiUsesHint: "Lassen Sie beide Kästchen leer, wenn Ihre Daten nicht für KI genutzt werden sollen.",
      recipients: "Wer darf Ihre Daten erhalten?",
      geography: "Wo dürfen die Empfänger ihren Sitz haben?",
      period: "Wie lange?",
      untilWithdrawn: "Bis ich meine Einwilligung widerrufe",
      untilDate: "Bis zu einem Datum, das ich wähle",
      endDate: "Enddatum",
      conditions: "Ihre Wünsche",
      continue: "Meine Auswahl prüfen",
    },
    errors: {
      dataCategories: "Wählen Sie mindestens eine Datenart aus.",
      diseases: "Wählen Sie mindestens eine Krebsart aus.",
      recipientTypes: "Wählen Sie mindestens eine Art von Empfängern aus.",
      research: "Wählen Sie aus, für welche Forschung Ihre Daten verwendet werden dürfen.",
      geography: "Wählen Sie aus, wo die Empfänger ihren Sitz haben dürfen.",
      endDate: "Geben Sie ein Enddatum in der Zukunft an.",
      period: "Wählen Sie, wie lange Ihre Einwilligung gilt.",
      generic: "Bitte prüfen Sie diese Angabe.",
      summary: "Einige Angaben brauchen Ihre Aufmerksamkeit:",
    },
    review: {
      intro: "Prüfen Sie Ihre Auswahl. Genau das wird Ihre Einwilligung erlauben — und das nicht.",
      permitted: "Was erlaubt sein wird",
      notPermitted: "Was nicht erlaubt sein wird",
      change: "Meine Auswahl ändern",
      data: "Daten",
      research: "Forschung",
      ai: "KI",
      recipients: "Empfänger",
      where: "Wo",
      until: "Bis",
      untilWithdrawn: "bis Sie sie widerrufen",
      untilDate: "bis {date}",
      noAi: "Keine Nutzung für KI-Modelle",
      recontact: "Projekte dürfen Sie über Ihr Krankenhaus erneut kontaktieren",
      noRecontact: "Kein Projekt darf Sie erneut kontaktieren",
      findings: "Sie möchten über Befunde informiert werden, die für Ihre Gesundheit von Bedeutung sind",
      continue: "Weiter",
    },
    confirm: {
      declarationHeading: "Ihre Erklärung",
      give: "Ich erteile meine Einwilligung",
      save: "Meine neue Auswahl speichern",
      saving: "Wird gespeichert…",
      failed: "Ihre Einwilligung konnte nicht gespeichert werden: {message}",
      conflict: "Ihre Einwilligung wurde in einem anderen Fenster geändert. Laden Sie die Seite neu, um den neuesten Stand zu sehen.",
      outdated: "Während Sie gelesen haben, wurde eine neue Version des Einwilligungsformulars veröffentlicht. Laden Sie die Seite neu und lesen Sie sie, bevor Sie entscheiden.",
      unexpected: "Etwas ist schiefgegangen (Code {code}). Bitte versuchen Sie es erneut.",
    },
    done: {
      title: "Vielen Dank. Ihre Einwilligung ist gespeichert.",
      body: "Ab jetzt fragt jedes Krankenhaus bei Donum an, bevor es Ihre Daten freigibt, und erhält eine Antwort, die Ihren Entscheidungen folgt.",
      receipt: "Ihren Einwilligungsbeleg ansehen und herunterladen",
      myConsent: "Zu meiner Einwilligung",
    },
  },
  formPage: {
    title: "{title} — Version {version}",
    published: "Veröffentlicht am {date}",
    material:
      "Diese Version ändert wichtige Bedingungen: Einwilligungen, die auf früheren Versionen erteilt wurden, müssen erneuert werden, damit sie diese abdecken.",
    textHash: "Fingerabdruck dieses Textes (SHA-256)",
    languages: "Diese Version in anderen Sprachen",
    organisation: "Datenaltruistische Organisation",
  },
  notFound: {
    title: "Diese Seite gibt es nicht",
    body: "Die Adresse ist vielleicht falsch geschrieben, oder die Seite wurde verschoben.",
    home: "Zur Startseite",
  },
  me: {
    title: "Meine Einwilligung",
    none: "Sie haben keine Einwilligung erteilt. Nichts über Sie wird für die Forschung freigegeben.",
    give: "Einwilligung erteilen",
    status: {
      active: "Aktiv",
      withdrawn: "Widerrufen",
      expired: "Abgelaufen",
      opted_out: "Widerspruch gegen jede Sekundärnutzung",
      none: "Keine Einwilligung",
    },
    statusLabel: "Status",
    since: "Zuletzt geändert am {date}",
    formVersion: "Erteilt auf Formularversion {version} ({language})",
    amend: "Meine Auswahl ändern",
    withdraw: "Meine Einwilligung widerrufen",
    withdrawHelp:
      "Ein Schritt, jederzeit. Ab der nächsten Prüfung wird jede Freigabe abgelehnt. Forschung, die bereits mit zuvor freigegebenen Daten durchgeführt wurde, kann nicht rückgängig gemacht werden.",
    withdrawn: "Ihre Einwilligung ist widerrufen. Ab jetzt darf kein Krankenhaus Ihre Daten freigeben.",
    optOut: "Jeder Sekundärnutzung widersprechen",
    optOutHelp:
      "Nach den Regeln des Europäischen Gesundheitsdatenraums können Sie jeder Weiterverwendung Ihrer Gesundheitsdaten für Forschung, Innovation oder Politikgestaltung widersprechen. Damit endet auch diese Einwilligung.",
    optedOut: "Sie haben widersprochen. Keine Freigabe für eine Sekundärnutzung ist erlaubt.",
    giveAgain: "Erneut einwilligen",
    reconsent:
      "Eine neue Version des Einwilligungsformulars ändert wichtige Bedingungen. Ihre Einwilligung deckt weiterhin nur ab, was Sie zuvor vereinbart haben; erneuern Sie sie, damit sie die neuen Bedingungen abdeckt.",
    reconsentAction: "Lesen und erneuern",
    expired: "Ihre Einwilligung ist an ihrem Enddatum abgelaufen. Es wird nichts mehr freigegeben.",
    receipt: "Einwilligungsbeleg",
    history: "Verlauf",
    lookups: "Wer hat nach mir gefragt?",
    actionFailed: "Das hat nicht funktioniert: {message}",
  },
  history: {
    title: "Verlauf Ihrer Einwilligung",
    intro: "Jede Änderung, die älteste zuerst, mit dem genauen Formulartext, den Sie gesehen haben.",
    empty: "Es gibt noch keinen Verlauf.",
    action: {
      granted: "Einwilligung erteilt",
      amended: "Einwilligung geändert",
      withdrawn: "Einwilligung widerrufen",
      opted_out: "Widerspruch eingelegt",
    },
    version: "Version {version}",
    form: "Formular {formId}, Version {version}, Sprache {language}",
    textHash: "Fingerabdruck des Textes (SHA-256)",
    compare: "Zwei Versionen vergleichen",
    compareFrom: "Von",
    compareTo: "Bis",
    compareButton: "Vergleichen",
    changed: "Geändert",
    unchanged: "Unverändert",
    nothing: "nichts",
  },
  lookups: {
    title: "Wer hat nach mir gefragt?",
    intro: "Jedes Mal, wenn der Bilddatenknoten eines Krankenhauses bei Donum angefragt hat, ob er Ihre Daten freigeben darf, und die Antwort, die er erhalten hat.",
    empty:
      "Bisher hat niemand nach Ihnen gefragt. Wenn ein Krankenhaus anfragt, ob es Ihre Daten freigeben darf, erscheinen die Anfrage und die Antwort von Donum hier.",
    organisation: "Einrichtung",
    time: "Wann",
    purpose: "Zweck",
    recipient: "Empfänger",
    permit: "Erlaubt",
    deny: "Abgelehnt",
  },
  proof: {
    summary: "Nachweis, dass dies aufgezeichnet ist",
    heading: "Nachweis der Aufnahme ins Protokoll",
    intro:
      "Diese Abfrage steht in einem öffentlichen Protokoll, das Donum nicht unbemerkt umschreiben kann. " +
      "Drücken Sie die Schaltfläche, und Ihr Browser prüft das selbst – nur mit dem, was hier steht, und den veröffentlichten Schlüsseln von Donum.",
    regulatorIntro:
      "Der Aufnahmenachweis des Eintrags gegenüber dem neuesten signierten Prüfpunkt (RFC 9162). Die Prüfung läuft allein in diesem Browser: " +
      "Sie bildet den Fingerabdruck des Eintrags, faltet den Nachweis bis zur Wurzel und prüft die Signatur des Prüfpunkts mit den unter /.well-known/jwks.json veröffentlichten Schlüsseln.",
    withheld:
      "Dieser Eintrag betrifft eine Bürgerin oder einen Bürger, daher wird sein vollständiger Text (mit dem pseudonymen Schlüssel) nicht gezeigt. " +
      "Die Prüfung beginnt mit dem Fingerabdruck des Eintrags, wie Donum ihn angibt.",
    pending: "Noch nicht in einem signierten Prüfpunkt; Einträge werden innerhalb einer Minute aufgenommen. Laden Sie die Seite neu, um den Nachweis zu sehen.",
    seq: "Position im Protokoll",
    leafHash: "Fingerabdruck des Eintrags",
    path: "Nachweis-Fingerabdrücke (nächster zuerst)",
    noPath: "Keine: Das Protokoll enthielt nur diesen Eintrag",
    treeSize: "Einträge im signierten Prüfpunkt",
    rootHash: "Wurzel-Fingerabdruck des Protokolls",
    time: "Prüfpunkt signiert",
    entry: "Den Eintrag zeigen, wie er aufgezeichnet ist (kanonisches JSON)",
    jws: "Den signierten Prüfpunkt von Donum zeigen (JWS)",
    check: "In diesem Browser prüfen",
    checking: "Wird geprüft …",
    steps: "Schritte der Prüfung",
    hashes: {
      one: "{count} Nachweis-Fingerabdruck",
      other: "{count} Nachweis-Fingerabdrücke",
    },
    entries: {
      one: "{count} Eintrag",
      other: "{count} Einträgen",
    },
    result: {
      ok: "Im Protokoll enthalten: Der Fingerabdruck des Eintrags, {hashes} und der signierte Prüfpunkt von Donum mit {entries} stimmen überein.",
      okGiven:
        "Im Protokoll enthalten: Der angegebene Fingerabdruck des Eintrags, {hashes} und der signierte Prüfpunkt von Donum mit {entries} stimmen überein. " +
        "Der Fingerabdruck des Eintrags selbst wurde nicht neu berechnet, weil sein Text hier nicht gezeigt wird.",
      failed: "Nicht bestätigt. Dieser Schritt ist fehlgeschlagen: {step}. {reason}",
      error: "Ihr Browser konnte die Prüfung nicht ausführen. Bitte versuchen Sie es erneut oder verwenden Sie einen anderen Browser.",
    },
    step: {
      entry: "Fingerabdruck des Eintrags",
      checkpoint: "Prüfpunkt von Donum",
      proof: "Nachweis-Fingerabdrücke",
      signature: "Signatur von Donum",
    },
    stepStatus: {
      passed: "geprüft",
      failed: "fehlgeschlagen",
      skipped: "nicht geprüft",
      given: "wie von Donum angegeben übernommen",
    },
    failure: {
      ENTRY_MALFORMED: "Der Text des Eintrags konnte nicht gelesen werden.",
      ENTRY_SEQ_MISMATCH: "Der Text des Eintrags nennt eine andere Position im Protokoll als der Nachweis.",
      LEAF_MISMATCH: "Der Fingerabdruck des Eintragstextes ist nicht der, mit dem der Nachweis beginnt: Der Eintrag wurde möglicherweise verändert.",
      CHECKPOINT_MALFORMED: "Der signierte Prüfpunkt konnte nicht gelesen werden.",
      TREE_SIZE_MISMATCH: "Der Nachweis gilt für ein Protokoll anderer Größe als der signierte Prüfpunkt.",
      PROOF_MALFORMED: "Die Nachweis-Fingerabdrücke passen nicht zu dieser Position und dieser Größe des Protokolls.",
      ROOT_MISMATCH: "Die Nachweis-Fingerabdrücke führen nicht zum Wurzel-Fingerabdruck im signierten Prüfpunkt.",
      SIGNATURE_UNSUPPORTED: "Der Prüfpunkt ist nicht so signiert, wie Donum seine Prüfpunkte signiert.",
      UNKNOWN_KEY: "Der Prüfpunkt wurde mit einem Schlüssel signiert, der nicht zu den veröffentlichten Schlüsseln von Donum gehört.",
      BAD_SIGNATURE: "Die Signatur von Donum auf dem Prüfpunkt passt nicht zu den veröffentlichten Schlüsseln.",
      JWKS_UNAVAILABLE: "Die veröffentlichten Schlüssel von Donum konnten nicht abgerufen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    },
  },
  receipt: {
    title: "Ihr Einwilligungsbeleg",
    intro:
      "Dieser Beleg hält fest, was Sie gewählt haben, wann, und genau welchen Text des Einwilligungsformulars Sie gelesen haben. " +
      "Donum hat ihn signiert, sodass jeder prüfen kann, dass er seitdem nicht verändert wurde.",
    print: "Drucken oder als PDF speichern",
    download: "Signierten Beleg herunterladen (JWS)",
    downloadHelp: "Der signierte Beleg ist eine Datei, die ein Computer prüfen kann. Bewahren Sie sie bei Ihren Unterlagen auf.",
    none: "Sie haben noch keine Einwilligung erteilt oder erfasst, daher gibt es keinen Beleg.",
    labelsLanguageNote: "Die folgenden Entscheidungen werden im Wortlaut des Formulars angezeigt, das Sie gelesen haben.",
    status: {
      heading: "Status",
      value: {
        active: "Ihre Einwilligung ist aktiv",
        expired: "Ihre Einwilligung ist beendet: Ihr Enddatum ist verstrichen",
        withdrawn: "Sie haben Ihre Einwilligung widerrufen",
        opted_out: "Sie haben jeder Sekundärnutzung Ihrer Gesundheitsdaten widersprochen",
        superseded: "Diese Änderung wurde durch eine spätere ersetzt",
      },
      action: {
        granted: "Sie haben eingewilligt",
        amended: "Sie haben Ihre Einwilligung geändert",
        withdrawn: "Sie haben Ihre Einwilligung widerrufen",
        opted_out: "Sie haben widersprochen",
      },
      what: "Was dieser Beleg festhält",
      when: "Wann",
      position: "Änderung {position} von {of} in Ihrem Verlauf",
      how: "Wie",
      method: {
        web: "Online, im Donum-Portal",
        operatorAssisted: "Mit Hilfe von Donum-Mitarbeitenden",
      },
    },
    scope: {
      heading: "Wozu Sie eingewilligt haben",
      nothing: "Nichts: Dieser Beleg hält fest, dass auf Grundlage Ihrer Einwilligung keine Daten geteilt werden dürfen.",
      service: "Einwilligungsformular",
      research: "Art der Forschung",
      diseases: "Nur Forschung zu",
      ai: "Künstliche Intelligenz (KI)",
      noAi: "Keine KI-Nutzungen",
      data: "Daten, die geteilt werden dürfen",
      recipients: "Wer sie erhalten darf",
      where: "Wo die Empfänger ihren Sitz haben dürfen",
      countries: "Länder: {countries}",
      until: "Bis wann",
      untilWithdrawn: "Bis Sie sie widerrufen",
      conditions: "Weitere Entscheidungen",
      yes: "Ja",
      no: "Nein",
      codes: "Codes: {codes}",
      consentType: "Art der Einwilligung: ausdrücklich (Artikel 9 Absatz 2 Buchstabe a DSGVO)",
    },
    withdraw: {
      heading: "Wie Sie Ihre Einwilligung widerrufen oder ändern",
      manage: "Ihre Einwilligung ändern oder widerrufen",
    },
    controller: {
      heading: "Wer Ihre Einwilligung verwahrt",
      name: "Verantwortlicher",
      address: "Anschrift",
      registration: "Registereintrag",
      email: "Kontakt",
      dpo: "Datenschutzbeauftragter",
      website: "Internetseite",
    },
    notice: {
      heading: "Der Text, dem Sie zugestimmt haben",
      none: "Sie haben dies erfasst, ohne ein Einwilligungsformular zu lesen; daher ist kein Formulartext damit verknüpft.",
      form: "Formular",
      version: "Formularversion",
      language: "Sprache",
      hash: "Fingerabdruck des Textes (SHA-256)",
      hashHelp: "Der Fingerabdruck ändert sich, sobald sich auch nur ein Zeichen des Textes ändert; so belegt er, welchen Wortlaut Sie gelesen haben.",
      read: "Diese Version des Formulars lesen",
    },
    about: {
      heading: "Über diesen Beleg",
      receiptId: "Belegnummer",
      consentReference: "Einwilligungsreferenz",
      consentReferenceHelp: "Geben Sie diese Referenz an, wenn Sie uns kontaktieren. Sie verrät nicht, wer Sie sind.",
      issued: "Ausgestellt am",
      jurisdiction: "Geltendes Recht",
      sensitive: "Besondere Kategorien personenbezogener Daten (Artikel 9 DSGVO)",
      spi: {
        health: "Gesundheitsdaten",
        genetic: "Genetische Daten",
      },
      standard: "Datenformat",
      key: "Signaturschlüssel",
      keys: "Öffentliche Schlüssel von Donum",
    },
    jws: {
      heading: "Signierter Beleg",
      show: "Signierten Beleg anzeigen (JWS)",
    },
  },
  regulator: {
    meta: "Prüfprotokoll-Aktivität — Donum",
    title: "Aktivität im Prüfprotokoll",
    intro:
      "Änderungen von Einwilligungen und Einwilligungsprüfungen, wie sie im Prüfprotokoll stehen. Tage sind UTC-Tage. Einträge zeigen keine " +
      "Personenschlüssel: Sie sehen, was welcher Knoten entschieden hat, nicht über wen.",
    filter: {
      heading: "Filter",
      from: "Von (UTC-Tag)",
      to: "Bis (UTC-Tag, einschließlich)",
      type: "Ereignisart",
      node: "Bilddatenknoten",
      decision: "Entscheidung",
      any: "Alle",
      apply: "Filter anwenden",
      reset: "Filter zurücksetzen",
      invalid: "Einige Filterwerte waren nicht lesbar und wurden durch ihre Standardwerte ersetzt: {fields}.",
    },
    truncated: "Dieser Zeitraum hat mehr als {max} Einträge: gezählt sind nur die bis {time}. Wählen Sie einen kürzeren Zeitraum, um alle zu sehen.",
    tableRegion: "{name} (Tabelle; auf schmalen Bildschirmen seitlich scrollbar)",
    consents: {
      heading: "Änderungen von Einwilligungen pro Tag",
      desc: "Gestapelte Balken, einer pro UTC-Tag von {from} bis {to}, für erteilte, geänderte und widerrufene Einwilligungen sowie Widersprüche; jede Art hat ihr eigenes Muster. Der Tag mit den meisten Änderungen hatte {max}. Die Tabelle darunter enthält dieselben Zahlen.",
      day: "Tag (UTC)",
      total: "Gesamt",
    },
    decisions: {
      heading: "Entscheidungen pro Knoten",
      desc: "Balkenpaare für jeden Bilddatenknoten: Freigaben (gefüllt) und Ablehnungen (schraffiert), mit der Anzahl am Ende jedes Balkens. Die Tabelle darunter enthält dieselben Zahlen.",
      node: "Knoten",
      empty: "Keine Entscheidungen in diesem Zeitraum.",
    },
    denyRate: {
      heading: "Ablehnungsquote",
      desc: "Ein Balken pro Bilddatenknoten und einer für alle Knoten zusammen: der Anteil der Entscheidungen, die Ablehnungen waren, als Prozentwert am Ende jedes Balkens. Die Tabelle darunter enthält dieselben Zahlen.",
      overall: "Alle Knoten",
      rate: "Ablehnungsquote",
      decisions: "Entscheidungen",
    },
    exports: {
      meta: "Exporte — Donum",
      title: "Das Prüfprotokoll exportieren",
      intro: "Ein Export ist ein Paket, das Sie prüfen können, ohne Donum vertrauen zu müssen: die Einträge eines Zeitraums (NDJSON und CSV), der von Donum signierte Prüfpunkt des Protokolls, der Nachweis, der diesen Prüfpunkt aus den Einträgen wiederherstellt, und ein von Donum signiertes Manifest. Jeder Export wird selbst im Prüfprotokoll festgehalten.",
      link: "Diesen Zeitraum exportieren",
      back: "Zurück zur Prüfaktivität",
      form: {
        heading: "Neuer Export",
        from: "Von (UTC-Tag)",
        to: "Bis (UTC-Tag, einschließlich; heute endet jetzt)",
        submit: "Export starten",
        busy: "Wird gestartet…",
        started: "Der Export wurde gestartet; sein Fortschritt wird unten angezeigt.",
        failed: "Der Export konnte nicht gestartet werden: {message}",
        note: "Ohne Filter enthält das Paket jeden Eintrag des Protokollabschnitts des Zeitraums, lückenlos; mit Filtern enthält es die passenden Einträge, jeweils mit Nachweis, dass sie im Protokoll stehen.",
      },
      error: {
        required: "Wählen Sie einen Tag.",
        order: "Der erste Tag muss vor dem letzten liegen oder derselbe sein.",
        future: "Der erste Tag darf nicht in der Zukunft liegen.",
      },
      list: {
        heading: "Letzte Exporte",
        empty: "Noch keine Exporte.",
        period: "Zeitraum",
        filters: "Filter",
        none: "keine",
        requested: "Angefordert",
      },
      state: {
        queued: "Wartet auf den Start",
        running: "Läuft",
        done: "Fertig",
        failed: "Fehlgeschlagen",
      },
      progress: "{scanned} von {total} Einträgen gelesen",
      progressUnknown: "Die Einträge des Zeitraums werden gesucht…",
      done: "{entries} Einträge, abgedeckt durch Donums signierten Prüfpunkt über {treeSize} Einträge.",
      download: "Paket herunterladen (.tar)",
      files: "Einzelne Dateien",
      verify: "Zum Prüfen führen Sie dies in einer Kopie von Donum aus (es prüft beide Signaturen, die Stelle jedes Eintrags im Protokoll, die Reihenfolge und dass das Protokoll seitdem nur gewachsen ist):",
      failure: "Der Export ist fehlgeschlagen ({code}): {message}. Referenz: {correlationId}",
    },
    kind: {
      granted: "Erteilt",
      amended: "Geändert",
      withdrawn: "Widerrufen",
      opted_out: "Widerspruch",
    },
    decision: {
      PERMIT: "Freigabe",
      DENY: "Ablehnung",
    },
    type: {
      consent_granted: "Einwilligung erteilt",
      consent_amended: "Einwilligung geändert",
      consent_withdrawn: "Einwilligung widerrufen",
      consent_opted_out: "Widerspruch eingelegt",
      form_published: "Formularversion veröffentlicht",
      node_registered: "Knoten registriert",
      node_status_changed: "Knotenstatus geändert",
      node_key_rotated: "Knotenschlüssel gewechselt",
      node_request_refused: "Knotenanfrage abgewiesen",
      signing_key_rotated: "Signaturschlüssel von Donum gewechselt",
      export_requested: "Export des Prüfprotokolls angefordert",
      export_completed: "Export des Prüfprotokolls abgeschlossen",
      export_failed: "Export des Prüfprotokolls fehlgeschlagen",
      decision_made: "Entscheidung getroffen",
    },
    entry: {
      meta: "Protokolleintrag — Donum",
      back: "Zurück zur Aktivität im Prüfprotokoll",
      title: "Protokolleintrag",
      notFound: "Es gibt keinen Protokolleintrag mit dieser Referenz.",
      id: "Referenz des Eintrags",
      seq: "Position im Protokoll",
      pending: "Noch nicht im Protokoll",
      actor: "Erfasst für",
      purpose: "Zweck",
      recipient: "Empfänger",
      categories: "Datenkategorien",
      permit: "Datengenehmigung oder Projekt",
      batch: "Teil eines Stapels",
      batchItem: "{id}, Position {index}",
    },
    actorKind: {
      subject: "Eine Person",
      operator: "Betrieb oder Aufsicht",
      node: "Ein Bilddatenknoten",
      system: "Donum selbst",
    },
    entries: {
      heading: "Einträge",
      count: "{total} Einträge passen, von {scanned} im Zeitraum.",
      showing: "Angezeigt: {first} bis {last}, neueste zuerst.",
      empty: "Keine Einträge passen zu diesem Filter.",
      time: "Zeit (UTC)",
      type: "Ereignis",
      node: "Knoten",
      decision: "Entscheidung",
      reasons: "Gründe",
      subject: "Betrifft eine Person",
      yes: "Ja",
      no: "Nein",
      none: "—",
      newer: "Neuere Einträge",
      older: "Ältere Einträge",
      pages: "Seiten der Einträge",
    },
  },
};
