/**
 * Italian (it). Register: "Lei", with the courtesy pronouns and possessives capitalised (Lei, La, Le,
 * Suo, ...) as in the Italian consent form, and worded so that no adjective agrees with the reader's
 * gender. Buttons and links use the infinitive, or the first person where the citizen declares
 * something ("Do il mio consenso"), never the informal imperative. Terminology as in the Italian
 * consent form (lib/consent/forms/cancer-imaging-v1.it.ts): prestare / revocare il consenso, opt-out
 * dall’uso secondario, spazio europeo dei dati sanitari, altruismo dei dati, organizzazione per
 * l’altruismo dei dati, atto sulla governance dei dati, GDPR, nodo di imaging, trasmissione,
 * destinatario, pseudonimizzato, impronta, ricevuta, «Chi ha chiesto di me». Typographic apostrophe.
 */
import type { Messages } from "./en";

export const it: Messages = {
  meta: {
    title: "Donum — doni i Suoi dati di imaging alla ricerca sul cancro",
    description:
      "Donum è il portale per il consenso e l’altruismo dei dati di una federazione europea di imaging oncologico. " +
      "Decida se le Sue immagini mediche possono essere usate per la ricerca sul cancro, alle Sue condizioni, e revochi il consenso in qualsiasi momento.",
    signIn: "Accesso — Donum",
    myConsent: "Il mio consenso — Donum",
    consent: "Consenso — Donum",
    history: "Cronologia — Donum",
    lookups: "Chi ha chiesto di me — Donum",
    receipt: "Ricevuta del consenso — Donum",
    form: "Modulo di consenso — Donum",
  },
  common: {
    skipToContent: "Passare al contenuto principale",
    home: "Donum — pagina iniziale",
    language: "Lingua",
    changeLanguage: "Cambiare lingua",
    mainNavigation: "Menu principale",
    back: "Indietro",
    networkError: "nessuna connessione con Donum",
  },
  account: {
    signIn: "Accedere",
    signedInAs: "Accesso effettuato come",
    signOut: "Disconnettersi",
    regionLabel: "Il Suo account",
  },
  footer: {
    operator: "Donum è gestito da un’organizzazione per l’altruismo dei dati registrata ai sensi dell’atto sulla governance dei dati dell’UE.",
    status: "Stato del servizio (funzionamento dell’API)",
  },
  home: {
    eyebrow: "Altruismo dei dati per la ricerca sul cancro",
    title: "Aiuti la ricerca sul cancro con le Sue immagini mediche, alle Sue condizioni",
    lead:
      "Donum Le permette di decidere se, e come, le immagini e i referti che gli ospedali hanno già su di Lei possono essere usati " +
      "per migliorare la cura del cancro. È volontario e non retribuito, e può cambiare idea in qualsiasi momento.",
    getStarted: {
      signIn: "Accedere con la Sua eID nazionale",
      help: "Lei accede con l’identità elettronica del Suo Paese. Donum non conserva mai il Suo numero di identificazione nazionale.",
    },
    altruism: {
      title: "Che cos’è l’altruismo dei dati?",
      intro:
        "Altruismo dei dati significa scegliere di condividere dati che La riguardano per il bene della società. Le regole sono fissate " +
        "dall’atto sulla governance dei dati dell’UE: le organizzazioni che raccolgono dati in questo modo devono essere registrate, " +
        "operare senza scopo di lucro e dirLe chiaramente per che cosa saranno usati i Suoi dati.",
      items: {
        voluntary: {
          title: "Volontario",
          detail: "Solo se Lei dice di sì. Può dire di no, o smettere in seguito, senza doverne indicare il motivo.",
        },
        unpaid: {
          title: "Senza compenso",
          detail: "Lei dona i Suoi dati: nessuno La paga per questo.",
        },
        generalInterest: {
          title: "Nell’interesse generale",
          detail: "Per una ricerca a beneficio di tutti: in questo caso, diagnosi e cure migliori contro il cancro.",
        },
      },
    },
    howItWorks: {
      title: "Che cosa succede alle Sue immagini",
      intro:
        "Donum fa parte di una federazione europea di ospedali che mette l’imaging oncologico a disposizione della ricerca. " +
        "Donum non conserva mai le Sue immagini: conserva le Sue scelte.",
      steps: {
        scansStay: {
          title: "Le Sue immagini restano in ospedale",
          detail:
            "Gli ospedali della federazione conservano le immagini sui propri nodi di imaging: TC, RM, PET, mammografie, ecografie, radiografie e vetrini di patologia digitale, con i relativi referti.",
        },
        pseudonymised: {
          title: "I ricercatori chiedono dati pseudonimizzati",
          detail:
            "Ricercatori e sviluppatori di strumenti di IA li usano per migliorare il modo in cui il cancro viene individuato e curato. Il Suo nome e i Suoi numeri di identificazione sono sostituiti da un codice; i dati restano protetti come dati personali ai sensi del GDPR.",
        },
        consentChecked: {
          title: "Il Suo consenso viene verificato prima, ogni volta",
          detail:
            "Prima di trasmettere qualsiasi dato, l’ospedale chiede a Donum se le Sue scelte consentono questa trasmissione, per questa finalità, a questo destinatario. Se Lei non ha detto di sì, la risposta è no.",
        },
        signedAnswer: {
          title: "L’ospedale conserva la risposta firmata",
          detail: "Donum firma ogni risposta. L’ospedale la conserva come prova del motivo per cui i dati sono stati trasmessi, o non lo sono stati.",
        },
      },
    },
    control: {
      title: "Che cosa decide Lei",
      intro: "È Lei a decidere ogni aspetto, e può modificare qualsiasi scelta in seguito.",
      items: {
        dataKinds: {
          title: "Quali tipi di dati",
          detail:
            "Immagini per tipo (TC, RM, PET, mammografia, ecografia, radiografia, patologia digitale) e i referti che le accompagnano.",
        },
        research: {
          title: "Per quale ricerca",
          detail: "Qualsiasi ricerca, solo la ricerca sanitaria oppure solo la ricerca sui tumori che sceglie Lei.",
        },
        ai: {
          title: "Se l’IA può imparare dai Suoi dati",
          detail: "Dica sì o no all’addestramento di modelli di IA con i Suoi dati e, separatamente, al loro test (validazione).",
        },
        recipients: {
          title: "Chi può riceverli",
          detail: "Enti pubblici di ricerca, organizzazioni senza scopo di lucro, imprese: nella combinazione che preferisce.",
        },
        where: {
          title: "Dove possono andare",
          detail: "Solo nell’UE e nel SEE, oppure anche nei Paesi che, secondo l’UE, proteggono i dati altrettanto bene.",
        },
        period: {
          title: "Per quanto tempo",
          detail: "Finché non revoca il consenso, oppure fino a una data che sceglie Lei.",
        },
        withdraw: {
          title: "Revoca in qualsiasi momento, con un solo passaggio",
          detail:
            "Basta un’azione e nessuna nuova trasmissione è più consentita: ogni richiesta viene verificata rispetto alla Sua ultima scelta. Le trasmissioni avvenute in precedenza non possono essere annullate.",
        },
        optOut: {
          title: "Opt-out da qualsiasi uso secondario",
          detail:
            "Dica no a qualsiasi riutilizzo dei Suoi dati sanitari per ricerca, innovazione o elaborazione delle politiche: un diritto che Le riconosce lo spazio europeo dei dati sanitari.",
        },
        lookups: {
          title: "Vedere chi ha chiesto di Lei",
          detail: "Ogni volta che un ospedale ha chiesto se poteva condividere i Suoi dati, e la risposta che ha ricevuto.",
        },
        receipt: {
          title: "Scaricare una ricevuta firmata",
          detail: "Una copia esatta di ciò che ha accettato, con le parole e nella lingua che Le sono state mostrate, verificabile da chiunque.",
        },
      },
    },
    trust: {
      title: "Come Donum si guadagna la Sua fiducia",
      intro:
        "Le promesse non bastano. Queste garanzie permettono agli ospedali, alle autorità di regolamentazione e a Lei di verificare " +
        "che Donum faccia ciò che dice, invece di doversi fidare della sua parola.",
      points: {
        signedDecisions: {
          title: "Decisioni firmate",
          detail:
            "Ogni sì o no che Donum dà a un ospedale è firmato digitalmente. Non può essere modificato in seguito senza che la modifica si veda, e l’ospedale può verificarlo da solo.",
        },
        auditTrail: {
          title: "Una traccia di audit pubblica in cui ogni manomissione è rilevabile",
          detail:
            "Ogni modifica del Suo consenso e ogni risposta di Donum vengono annotate in un registro costruito in modo che qualsiasi modifica o cancellazione successiva venga rilevata. Le autorità di regolamentazione lo esportano e lo verificano da sé.",
        },
        nationalId: {
          title: "Il Suo numero di identificazione nazionale non viene mai conservato",
          detail:
            "Appena il Suo numero di identificazione raggiunge Donum, viene subito trasformato in uno pseudonimo calcolato con una chiave segreta: un codice da cui non si può risalire al Suo numero. Il numero stesso non viene mai conservato, registrato né mostrato.",
        },
      },
    },
  },
  signin: {
    heading: "Accesso a Donum",
    intro:
      "Donum usa l’identità elettronica nazionale (eID) del Suo Paese per sapere che è proprio Lei. Lascerà questo sito per accedere " +
      "con la Sua eID, poi tornerà qui.",
    privacy:
      "Donum non conserva il Suo numero di identificazione nazionale. Lo trasforma subito in un codice che solo Donum può ricalcolare, " +
      "e conserva soltanto quel codice insieme alle Sue scelte.",
    button: "Accedere con la Sua eID nazionale",
    busy: "Apertura della Sua eID in corso…",
    devNoticeTitle: "Accesso di sviluppo: solo account dimostrativi",
    devNoticeBody:
      "Questa installazione usa l’accesso di sviluppo incluso, non una vera eID. Sceglierà una delle persone dimostrative; " +
      "nulla di ciò che fa qui riguarda una persona reale.",
    errorTitle: "Accesso non effettuato",
    errors: {
      NoPersonIdentifier:
        "La Sua eID non ha fornito a Donum un numero di identificazione nazionale utilizzabile, quindi Donum non può sapere di chi è " +
        "questo consenso. Riprovi con una eID nazionale che includa il Suo identificativo personale.",
      NoSubject: "L’accesso con la Sua eID non è stato completato correttamente. La preghiamo di riprovare.",
      DevProviderInProduction: "Questo accesso proviene da un fornitore di identità di sviluppo, che questo portale non accetta.",
      AccessDenied: "L’accesso è stato annullato o rifiutato.",
      OAuthCallback: "L’accesso è stato annullato, oppure il Suo fornitore di eID non ha potuto confermare la Sua identità. La preghiamo di riprovare.",
      Callback: "L’accesso è stato annullato, oppure il Suo fornitore di eID non ha potuto confermare la Sua identità. La preghiamo di riprovare.",
      OAuthSignin: "Donum non è riuscito a raggiungere il servizio di accesso eID. Riprovi tra qualche minuto.",
      SessionRequired: "Per vedere quella pagina, acceda con la Sua eID.",
      Default: "L’accesso non è riuscito. La preghiamo di riprovare.",
    },
  },
  nav: {
    myConsent: "Il mio consenso",
    history: "Cronologia",
    lookups: "Chi ha chiesto di me",
    regulator: "Area di audit",
    operatorForms: "Moduli di consenso",
    operatorNodes: "Nodi di imaging",
  },
  consent: {
    title: "Presti il Suo consenso",
    amendTitle: "Modifichi il Suo consenso",
    reconsentTitle: "La preghiamo di rinnovare il Suo consenso",
    stepsLabel: "Passaggi",
    step: {
      read: "Lettura",
      choose: "Scelta",
      review: "Verifica",
      confirm: "Conferma",
    },
    stepCounter: "Passaggio {current} di {total}",
    read: {
      intro: "Legga di che cosa si tratta. Ogni parte ha una breve sintesi; il testo completo è a portata di clic.",
      fullText: "Leggere il testo completo",
      continue: "Proseguire con le Sue scelte",
      languageFallback: "Questo modulo non è ancora disponibile nella Sua lingua; viene mostrato in questa lingua: {language}.",
      formVersion: "Modulo di consenso, versione {version}",
    },
    choose: {
      intro: "Scelga esattamente che cosa consente. Tutto ciò che non sceglie non è consentito.",
      dataCategories: "Quali dei Suoi dati possono essere usati?",
      groupImaging: "Immagini (diagnostica per immagini)",
      groupReports: "Referti",
      groupClinical: "Informazioni cliniche",
      groupGenomics: "Informazioni genetiche",
      research: "Per quale ricerca?",
      diseases: "Quali tumori?",
      aiUses: "I modelli di intelligenza artificiale (IA) possono imparare dai Suoi dati?",
      aiUsesHint: "Lasci entrambe le caselle vuote se non vuole che i Suoi dati siano usati per l’IA.",
      recipients: "Chi può ricevere i Suoi dati?",
      geography: "Dove possono avere sede i destinatari?",
      period: "Per quanto tempo?",
      untilWithdrawn: "Finché non revoco il mio consenso",
      untilDate: "Fino a una data che scelgo io",
      endDate: "Data di fine",
      conditions: "I Suoi desideri",
      continue: "Verificare le mie scelte",
    },
    errors: {
      dataCategories: "Scelga almeno un tipo di dati.",
      diseases: "Scelga almeno un tumore.",
      recipientTypes: "Scelga almeno un tipo di destinatario.",
      research: "Scelga per quale ricerca possono essere usati i Suoi dati.",
      geography: "Scelga dove possono avere sede i destinatari.",
      endDate: "Indichi una data di fine nel futuro.",
      period: "Scelga per quanto tempo vale il Suo consenso.",
      generic: "La preghiamo di controllare questa risposta.",
      summary: "Alcune risposte richiedono la Sua attenzione:",
    },
    review: {
      intro: "Controlli le Sue scelte. Ecco esattamente che cosa consentirà il Suo consenso, e che cosa no.",
      permitted: "Che cosa sarà consentito",
      notPermitted: "Che cosa non sarà consentito",
      change: "Modificare le mie scelte",
      data: "Dati",
      research: "Ricerca",
      ai: "IA",
      recipients: "Destinatari",
      where: "Dove",
      until: "Fino a",
      untilWithdrawn: "finché non lo revoca",
      untilDate: "fino al {date}",
      noAi: "Nessun uso per modelli di IA",
      recontact: "I progetti possono ricontattarLa tramite il Suo ospedale",
      noRecontact: "Nessun progetto può ricontattarLa",
      findings: "Desidera ricevere informazioni su risultati importanti per la Sua salute",
      continue: "Proseguire",
    },
    confirm: {
      declarationHeading: "La Sua dichiarazione",
      give: "Do il mio consenso",
      save: "Salvare le mie nuove scelte",
      saving: "Salvataggio in corso…",
      failed: "Non è stato possibile salvare il Suo consenso: {message}",
      conflict: "Il Suo consenso è stato modificato in un’altra finestra. Ricarichi la pagina per vedere la versione più recente.",
      outdated: "Mentre leggeva è stata pubblicata una nuova versione del modulo di consenso. Ricarichi la pagina per leggerla prima di decidere.",
      unexpected: "Si è verificato un errore (codice {code}). Riprovi.",
    },
    done: {
      title: "Grazie. Il Suo consenso è stato salvato.",
      body: "D’ora in poi ogni ospedale chiede a Donum prima di trasmettere i Suoi dati, e riceve una risposta che segue le Sue scelte.",
      receipt: "Vedere e scaricare la ricevuta",
      myConsent: "Andare al mio consenso",
    },
  },
  formPage: {
    title: "{title}, versione {version}",
    published: "Pubblicato il {date}",
    material:
      "Questa versione modifica condizioni importanti: i consensi prestati su versioni precedenti devono essere rinnovati per coprirle.",
    textHash: "Impronta di questo testo (SHA-256)",
    languages: "Questa versione in altre lingue",
    organisation: "Organizzazione per l’altruismo dei dati",
  },
  notFound: {
    title: "Questa pagina non esiste",
    body: "L’indirizzo potrebbe essere scritto male, oppure la pagina è stata spostata.",
    home: "Vai alla pagina iniziale",
  },
  me: {
    title: "Il mio consenso",
    none: "Non ha prestato il consenso. Nessun dato che La riguarda viene trasmesso per la ricerca.",
    give: "Prestare il consenso",
    status: {
      active: "Attivo",
      withdrawn: "Revocato",
      expired: "Scaduto",
      opted_out: "Opt-out da qualsiasi uso secondario",
      none: "Nessun consenso",
    },
    statusLabel: "Stato",
    since: "Ultima modifica: {date}",
    formVersion: "Prestato sulla versione {version} del modulo ({language})",
    amend: "Modificare le mie scelte",
    withdraw: "Revocare il mio consenso",
    withdrawHelp:
      "Un solo passaggio, in qualsiasi momento. Dalla verifica successiva ogni trasmissione viene rifiutata. La ricerca già svolta con dati trasmessi in precedenza non può essere annullata.",
    withdrawn: "Il Suo consenso è revocato. D’ora in poi nessun ospedale può trasmettere i Suoi dati.",
    optOut: "Esercitare l’opt-out da qualsiasi uso secondario",
    optOutHelp:
      "Lo spazio europeo dei dati sanitari Le consente di opporsi a qualsiasi riutilizzo dei Suoi dati sanitari per ricerca, innovazione o elaborazione delle politiche. Così termina anche questo consenso.",
    optedOut: "Ha esercitato l’opt-out. Non è consentita alcuna trasmissione per uso secondario.",
    giveAgain: "Prestare di nuovo il consenso",
    reconsent:
      "Una nuova versione del modulo di consenso modifica condizioni importanti. Il Suo consenso continua a coprire solo ciò che aveva accettato in precedenza; lo rinnovi perché copra le nuove condizioni.",
    reconsentAction: "Leggere e rinnovare",
    expired: "Il Suo consenso è terminato alla data di fine. Non viene più trasmesso nulla.",
    receipt: "Ricevuta",
    history: "Cronologia",
    lookups: "Chi ha chiesto di me",
    actionFailed: "Operazione non riuscita: {message}",
  },
  history: {
    title: "Cronologia del Suo consenso",
    intro: "Ogni modifica, dalla meno recente, con il testo esatto del modulo che Le è stato mostrato.",
    empty: "Non c’è ancora nessuna cronologia.",
    action: {
      granted: "Consenso prestato",
      amended: "Consenso modificato",
      withdrawn: "Consenso revocato",
      opted_out: "Opt-out",
    },
    version: "Versione {version}",
    form: "Modulo {formId}, versione {version}, lingua {language}",
    textHash: "Impronta del testo (SHA-256)",
    compare: "Confronto tra due versioni",
    compareFrom: "Da",
    compareTo: "A",
    compareButton: "Confrontare",
    changed: "Modificato",
    unchanged: "Invariato",
    nothing: "nulla",
  },
  lookups: {
    title: "Chi ha chiesto di me",
    intro: "Ogni volta che il nodo di imaging di un ospedale ha chiesto a Donum se poteva trasmettere i Suoi dati, e la risposta che ha ricevuto.",
    empty:
      "Nessuno ha ancora chiesto di Lei. Quando un ospedale chiederà se può trasmettere i Suoi dati, la domanda e la risposta di Donum compariranno qui.",
    organisation: "Organizzazione",
    time: "Quando",
    purpose: "Finalità",
    recipient: "Destinatario",
    permit: "Consentito",
    deny: "Rifiutato",
  },
  proof: {
    summary: "Prova che questo è registrato",
    heading: "Prova di inclusione nel registro",
    intro:
      "Questa richiesta è annotata in un registro pubblico che Donum non può riscrivere senza che si veda. " +
      "Prema il pulsante e il Suo browser lo verifica da sé, usando solo ciò che è mostrato qui e le chiavi pubblicate da Donum.",
    regulatorIntro:
      "La prova di inclusione della voce rispetto all’ultimo punto di controllo firmato (RFC 9162). La verifica avviene solo in questo browser: " +
      "calcola l’impronta della voce, ripiega la prova fino alla radice e verifica la firma del punto di controllo con le chiavi pubblicate su /.well-known/jwks.json.",
    withheld:
      "Questa voce riguarda una persona, quindi il suo testo completo (con la sua chiave pseudonima) non è mostrato. " +
      "La verifica parte dall’impronta della voce così come la indica Donum.",
    pending: "Non ancora in un punto di controllo firmato; le voci vi sono aggiunte entro un minuto. Ricarichi la pagina per vedere la prova.",
    seq: "Posizione nel registro",
    leafHash: "Impronta della voce",
    path: "Impronte della prova (la più vicina per prima)",
    noPath: "Nessuna: il registro conteneva solo questa voce",
    treeSize: "Voci nel punto di controllo firmato",
    rootHash: "Impronta radice del registro",
    time: "Firma del punto di controllo",
    entry: "Mostrare la voce come è stata registrata (JSON canonico)",
    jws: "Mostrare il punto di controllo firmato da Donum (JWS)",
    check: "Verificare in questo browser",
    checking: "Verifica in corso…",
    steps: "Passaggi della verifica",
    hashes: {
      one: "{count} impronta di prova",
      other: "{count} impronte di prova",
    },
    entries: {
      one: "{count} voce",
      other: "{count} voci",
    },
    result: {
      ok: "Inclusa nel registro: l’impronta della voce, {hashes} e il punto di controllo firmato da Donum su {entries} concordano.",
      okGiven:
        "Inclusa nel registro: l’impronta indicata della voce, {hashes} e il punto di controllo firmato da Donum su {entries} concordano. " +
        "L’impronta della voce non è stata ricalcolata, perché il suo testo non è mostrato qui.",
      failed: "Non confermato. Questo passaggio non è riuscito: {step}. {reason}",
      error: "Il Suo browser non è riuscito a eseguire la verifica. Riprovi o usi un altro browser.",
    },
    step: {
      entry: "L’impronta della voce",
      checkpoint: "Il punto di controllo di Donum",
      proof: "Le impronte della prova",
      signature: "La firma di Donum",
    },
    stepStatus: {
      passed: "verifica riuscita",
      failed: "verifica non riuscita",
      skipped: "verifica non eseguita",
      given: "valore preso così come lo indica Donum",
    },
    failure: {
      ENTRY_MALFORMED: "Non è stato possibile leggere il testo della voce.",
      ENTRY_SEQ_MISMATCH: "Il testo della voce indica una posizione nel registro diversa da quella della prova.",
      LEAF_MISMATCH: "L’impronta del testo della voce non è quella da cui parte la prova: la voce potrebbe essere stata modificata.",
      CHECKPOINT_MALFORMED: "Non è stato possibile leggere il punto di controllo firmato.",
      TREE_SIZE_MISMATCH: "La prova riguarda un registro di dimensione diversa da quella del punto di controllo firmato.",
      PROOF_MALFORMED: "Le impronte della prova non corrispondono a questa posizione e a questa dimensione del registro.",
      ROOT_MISMATCH: "Le impronte della prova non portano all’impronta radice del punto di controllo firmato.",
      SIGNATURE_UNSUPPORTED: "Il punto di controllo non è firmato come Donum firma i suoi punti di controllo.",
      UNKNOWN_KEY: "Il punto di controllo è stato firmato con una chiave che non è tra le chiavi pubblicate da Donum.",
      BAD_SIGNATURE: "La firma di Donum sul punto di controllo non corrisponde alle sue chiavi pubblicate.",
      JWKS_UNAVAILABLE: "Non è stato possibile scaricare le chiavi pubblicate da Donum. Controlli la connessione e riprovi.",
    },
  },
  receipt: {
    title: "La ricevuta del Suo consenso",
    intro:
      "Questa ricevuta riporta che cosa ha scelto, quando e quale testo esatto del modulo di consenso ha letto. " +
      "Donum l’ha firmata, quindi chiunque può verificare che non sia stata modificata da allora.",
    print: "Stampare o salvare in PDF",
    download: "Scaricare la ricevuta firmata (JWS)",
    downloadHelp: "La ricevuta firmata è un file che un computer può verificare. La conservi insieme ai Suoi documenti.",
    none: "Non ha ancora prestato né registrato alcun consenso, quindi non c’è nessuna ricevuta da mostrare.",
    labelsLanguageNote: "Le scelte qui sotto sono riportate con le parole del modulo che ha letto.",
    status: {
      heading: "Stato",
      value: {
        active: "Il Suo consenso è attivo",
        expired: "Il Suo consenso è terminato: la data di fine è passata",
        withdrawn: "Ha revocato il Suo consenso",
        opted_out: "Ha esercitato l’opt-out da qualsiasi uso secondario dei Suoi dati sanitari",
        superseded: "Questa modifica è stata sostituita da una successiva",
      },
      action: {
        granted: "Ha prestato il consenso",
        amended: "Ha modificato il Suo consenso",
        withdrawn: "Ha revocato il Suo consenso",
        opted_out: "Ha esercitato l’opt-out",
      },
      what: "Che cosa attesta questa ricevuta",
      when: "Quando",
      position: "Modifica {position} di {of} nella Sua cronologia",
      how: "Come",
      method: {
        web: "Online, nel portale Donum",
        operatorAssisted: "Con l’aiuto del personale di Donum",
      },
    },
    scope: {
      heading: "Che cosa ha accettato",
      nothing: "Nulla: questa ricevuta attesta che nessun dato può essere condiviso sulla base del Suo consenso.",
      service: "Modulo di consenso",
      research: "Tipo di ricerca",
      diseases: "Solo ricerca su",
      ai: "Intelligenza artificiale (IA)",
      noAi: "Nessun uso di IA",
      data: "Dati che possono essere condivisi",
      recipients: "Chi può riceverli",
      where: "Dove possono trovarsi i destinatari",
      countries: "Paesi: {countries}",
      until: "Fino a quando",
      untilWithdrawn: "Finché non lo revoca",
      conditions: "Altre scelte",
      yes: "Sì",
      no: "No",
      codes: "Codici: {codes}",
      consentType: "Tipo di consenso: esplicito (articolo 9, paragrafo 2, lettera a), del GDPR)",
    },
    withdraw: {
      heading: "Come revocare o modificare il Suo consenso",
      manage: "Modificare o revocare il Suo consenso",
    },
    controller: {
      heading: "Chi custodisce il Suo consenso",
      name: "Titolare del trattamento",
      address: "Indirizzo",
      registration: "Registrazione",
      email: "Contatti",
      dpo: "Responsabile della protezione dei dati",
      website: "Sito web",
    },
    notice: {
      heading: "Il testo che ha accettato",
      none: "Questa registrazione è avvenuta senza la lettura di un modulo di consenso, quindi non vi è collegato alcun testo del modulo.",
      form: "Modulo",
      version: "Versione",
      language: "Lingua",
      hash: "Impronta del testo (SHA-256)",
      hashHelp: "L’impronta cambia se cambia anche un solo carattere del testo, quindi dimostra quali parole ha letto.",
      read: "Leggere questa versione del modulo",
    },
    about: {
      heading: "Informazioni su questa ricevuta",
      receiptId: "Numero della ricevuta",
      consentReference: "Riferimento del consenso",
      consentReferenceHelp: "Indichi questo riferimento se ci contatta. Non rivela chi è Lei.",
      issued: "Data di emissione",
      jurisdiction: "Legge applicabile",
      sensitive: "Categorie particolari di dati (articolo 9 del GDPR)",
      spi: {
        health: "Dati sanitari",
        genetic: "Dati genetici",
      },
      standard: "Formato",
      key: "Chiave di firma",
      keys: "Chiavi pubbliche di Donum",
    },
    jws: {
      heading: "Ricevuta firmata",
      show: "Mostrare la ricevuta firmata (JWS)",
    },
  },
  regulator: {
    meta: "Attività del registro di audit — Donum",
    title: "Attività del registro di audit",
    intro:
      "Modifiche del consenso e verifiche del consenso come registrate nel registro di audit. I giorni sono giorni UTC. " +
      "Le voci non mostrano chiavi di persone: vede che cosa è stato deciso e da quale nodo, non su chi.",
    filter: {
      heading: "Filtro",
      from: "Dal (giorno UTC)",
      to: "Al (giorno UTC, incluso)",
      type: "Tipo di evento",
      node: "Nodo di imaging",
      decision: "Decisione",
      any: "Qualsiasi",
      apply: "Applica il filtro",
      reset: "Azzera il filtro",
      invalid: "Alcuni valori del filtro non erano leggibili e sono stati sostituiti dai valori predefiniti: {fields}.",
    },
    truncated: "Questo periodo ha più di {max} voci: sono conteggiate solo quelle fino a {time}. Scelga un periodo più breve per vederle tutte.",
    tableRegion: "{name} (tabella; scorre lateralmente su uno schermo stretto)",
    consents: {
      heading: "Modifiche del consenso al giorno",
      desc: "Barre sovrapposte, una per giorno UTC dal {from} al {to}, dei consensi dati, modificati, revocati e delle opposizioni; ogni tipo ha il proprio motivo grafico. Il giorno più intenso ha avuto {max} modifiche. La tabella sotto riporta gli stessi numeri.",
      day: "Giorno (UTC)",
      total: "Totale",
    },
    decisions: {
      heading: "Decisioni per nodo",
      desc: "Coppie di barre per ogni nodo di imaging: autorizzazioni (piene) e dinieghi (tratteggiati), con il numero scritto alla fine di ogni barra. La tabella sotto riporta gli stessi numeri.",
      node: "Nodo",
      empty: "Nessuna decisione in questo periodo.",
    },
    denyRate: {
      heading: "Tasso di diniego",
      desc: "Una barra per nodo di imaging e una per tutti i nodi insieme: la quota di decisioni che sono state dinieghi, scritta in percentuale alla fine di ogni barra. La tabella sotto riporta gli stessi numeri.",
      overall: "Tutti i nodi",
      rate: "Tasso di diniego",
      decisions: "Decisioni",
    },
    exports: {
      meta: "Esportazioni — Donum",
      title: "Esportare il registro di audit",
      intro: "Un’esportazione è un pacchetto che può verificare senza doversi fidare di Donum: le voci di un periodo (NDJSON e CSV), il punto di controllo del registro firmato da Donum, la prova che ricostruisce quel punto di controllo a partire dalle voci e un manifesto firmato da Donum. Ogni esportazione è a sua volta annotata nel registro di audit.",
      link: "Esporta questo periodo",
      back: "Torna all’attività di audit",
      form: {
        heading: "Nuova esportazione",
        from: "Dal (giorno UTC)",
        to: "Al (giorno UTC, incluso; oggi termina adesso)",
        submit: "Avvia l’esportazione",
        busy: "Avvio…",
        started: "L’esportazione è iniziata; l’avanzamento è mostrato qui sotto.",
        failed: "Impossibile avviare l’esportazione: {message}",
        note: "Senza filtri il pacchetto contiene tutte le voci del tratto di registro del periodo, senza lacune; con i filtri contiene le voci corrispondenti, ciascuna con la prova che si trova nel registro.",
      },
      error: {
        required: "Scelga un giorno.",
        order: "Il primo giorno deve precedere l’ultimo o coincidere con esso.",
        future: "Il primo giorno non può essere nel futuro.",
      },
      list: {
        heading: "Esportazioni recenti",
        empty: "Ancora nessuna esportazione.",
        period: "Periodo",
        filters: "Filtri",
        none: "nessuno",
        requested: "Richiesta il",
      },
      state: {
        queued: "In attesa",
        running: "In corso",
        done: "Completata",
        failed: "Non riuscita",
      },
      progress: "{scanned} di {total} voci lette",
      progressUnknown: "Ricerca delle voci del periodo…",
      done: "{entries} voci, coperte dal punto di controllo firmato di Donum su {treeSize} voci.",
      download: "Scarica il pacchetto (.tar)",
      files: "File singoli",
      verify: "Per verificarlo, esegua questo in una copia di Donum (controlla entrambe le firme, la posizione di ogni voce nel registro, la sequenza e che il registro sia solo cresciuto da allora):",
      failure: "L’esportazione non è riuscita ({code}): {message}. Riferimento: {correlationId}",
    },
    kind: {
      granted: "Dati",
      amended: "Modificati",
      withdrawn: "Revocati",
      opted_out: "Opposizioni",
    },
    decision: {
      PERMIT: "Autorizzazione",
      DENY: "Diniego",
    },
    type: {
      consent_granted: "Consenso dato",
      consent_amended: "Consenso modificato",
      consent_withdrawn: "Consenso revocato",
      consent_opted_out: "Opposizione espressa",
      form_published: "Versione del modulo pubblicata",
      node_registered: "Nodo registrato",
      node_status_changed: "Stato del nodo modificato",
      node_key_rotated: "Chiave del nodo rinnovata",
      node_request_refused: "Richiesta del nodo respinta",
      signing_key_rotated: "Chiave di firma di Donum rinnovata",
      export_requested: "Esportazione del registro di audit richiesta",
      export_completed: "Esportazione del registro di audit completata",
      export_failed: "Esportazione del registro di audit non riuscita",
      decision_made: "Decisione presa",
    },
    entry: {
      meta: "Voce del registro di audit — Donum",
      back: "Torna all’attività del registro di audit",
      title: "Voce del registro di audit",
      notFound: "Non esiste alcuna voce del registro con questo riferimento.",
      id: "Riferimento della voce",
      seq: "Posizione nel registro",
      pending: "Non ancora nel registro",
      actor: "Registrata per",
      purpose: "Finalità",
      recipient: "Destinatario",
      categories: "Categorie di dati",
      permit: "Autorizzazione ai dati o progetto",
      batch: "Parte di un lotto",
      batchItem: "{id}, elemento {index}",
    },
    actorKind: {
      subject: "Una persona",
      operator: "Un operatore o un’autorità di controllo",
      node: "Un nodo di imaging",
      system: "Donum stesso",
    },
    entries: {
      heading: "Voci",
      count: "{total} voci corrispondono, su {scanned} nel periodo.",
      showing: "Voci da {first} a {last}, le più recenti prima.",
      empty: "Nessuna voce corrisponde a questo filtro.",
      time: "Ora (UTC)",
      type: "Evento",
      node: "Nodo",
      decision: "Decisione",
      reasons: "Motivi",
      subject: "Riguarda una persona",
      yes: "Sì",
      no: "No",
      none: "—",
      newer: "Voci più recenti",
      older: "Voci più vecchie",
      pages: "Pagine di voci",
    },
  },
};
