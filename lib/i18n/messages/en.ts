/**
 * English: the source catalogue. Every other language has exactly these keys (the type system
 * and tests/unit/i18n.test.ts enforce it). The words of the consent form itself are not here:
 * they are part of the form version, hashed, in lib/consent/forms.
 */
export const en = {
  meta: {
    title: "Donum — donate your imaging data for cancer research",
    description:
      "Donum is the consent and data-altruism portal of a European cancer-imaging federation. Decide whether " +
      "your scans may be used for cancer research, on your terms, and withdraw at any time.",
    signIn: "Sign in — Donum",
    myConsent: "My consent — Donum",
    consent: "Consent — Donum",
    history: "History — Donum",
    lookups: "Who looked me up — Donum",
    receipt: "Consent receipt — Donum",
    form: "Consent form — Donum",
  },
  common: {
    skipToContent: "Skip to main content",
    home: "Donum — home",
    language: "Language",
    changeLanguage: "Change language",
    mainNavigation: "Main",
    back: "Back",
    networkError: "no connection to Donum",
  },
  account: {
    signIn: "Sign in",
    signedInAs: "Signed in as",
    signOut: "Sign out",
    regionLabel: "Your account",
  },
  footer: {
    operator: "Donum is operated by a data altruism organisation registered under the EU Data Governance Act.",
    status: "Service status (API health)",
  },
  home: {
    eyebrow: "Data altruism for cancer research",
    title: "Help cancer research with your medical scans — on your terms",
    lead:
      "Donum lets you decide whether the scans and reports that hospitals already hold about you may be used " +
      "to improve cancer care, and how. It is voluntary and unpaid, and you can change your mind at any time.",
    getStarted: {
      signIn: "Sign in with your national eID",
      help: "You sign in with your country's electronic identity. Donum never stores your national ID number.",
    },
    altruism: {
      title: "What is data altruism?",
      intro:
        "Data altruism means choosing to share data about yourself for the good of society. The EU Data " +
        "Governance Act sets the rules: organisations that collect data this way must be registered, work on a " +
        "not-for-profit basis and tell you clearly what your data will be used for.",
      items: {
        voluntary: {
          title: "Voluntary",
          detail: "Only if you say yes. You can say no, or stop later, without giving a reason.",
        },
        unpaid: {
          title: "Without payment",
          detail: "You give your data as a gift: nobody pays you for it.",
        },
        generalInterest: {
          title: "For the general interest",
          detail: "For research that benefits everyone — here, better diagnosis and treatment of cancer.",
        },
      },
    },
    howItWorks: {
      title: "What happens to your scans",
      intro:
        "Donum is part of a European federation of hospitals that makes cancer imaging available for research. " +
        "Donum itself never holds your scans: it holds your choices.",
      steps: {
        scansStay: {
          title: "Your scans stay at the hospital",
          detail:
            "Hospitals in the federation keep their imaging on their own imaging nodes: CT, MR, PET, mammography, ultrasound, X-ray (radiography) and digital pathology scans, with their reports.",
        },
        pseudonymised: {
          title: "Researchers ask for pseudonymised data",
          detail:
            "Researchers and developers of AI tools use it to improve how cancer is found and treated. Your name and ID numbers are replaced by a code; the data is still protected as personal data under the GDPR.",
        },
        consentChecked: {
          title: "Your consent is checked first, every time",
          detail:
            "Before releasing anything, the hospital asks Donum whether your choices allow this release, for this purpose, to this recipient. If you have not said yes, the answer is no.",
        },
        signedAnswer: {
          title: "The hospital keeps the signed answer",
          detail: "Donum signs every answer. The hospital keeps it as evidence of why data was — or was not — released.",
        },
      },
    },
    control: {
      title: "What you control",
      intro: "You decide every part of it, and you can change any choice later.",
      items: {
        dataKinds: {
          title: "Which kinds of data",
          detail:
            "Scans by type — CT, MR, PET, mammography, ultrasound, X-ray (radiography), digital pathology — and the reports that go with them.",
        },
        research: {
          title: "For which research",
          detail: "Any research, health research only, or only research on the cancers you choose.",
        },
        ai: {
          title: "Whether AI may learn from it",
          detail: "Say yes or no to training AI models on your data, and separately to testing (validating) them with it.",
        },
        recipients: {
          title: "Who may receive it",
          detail: "Public research bodies, not-for-profit organisations, companies — any mix you choose.",
        },
        where: {
          title: "Where it may go",
          detail: "Inside the EU and EEA only, or also to countries the EU recognises as protecting data as well as it does.",
        },
        period: {
          title: "For how long",
          detail: "Until you withdraw, or until a date you pick.",
        },
        withdraw: {
          title: "Withdraw at any time, in one step",
          detail:
            "One action, and no new release is allowed: every request is checked against your latest choice. It cannot undo releases made before.",
        },
        optOut: {
          title: "Opt out of all secondary use",
          detail:
            "Say no to any reuse of your health data for research, innovation or policy — a right the European Health Data Space gives you.",
        },
        lookups: {
          title: "See who looked you up",
          detail: "Every time a hospital asked whether it may share your data, and the answer it got.",
        },
        receipt: {
          title: "Download a signed receipt",
          detail: "A copy of exactly what you agreed to, in the words and language you were shown, that anyone can check.",
        },
      },
    },
    trust: {
      title: "How Donum earns your trust",
      intro:
        "Promises are not enough. These safeguards let hospitals, regulators and you check that Donum does what " +
        "it says, instead of taking its word for it.",
      points: {
        signedDecisions: {
          title: "Signed decisions",
          detail:
            "Every yes or no that Donum gives a hospital is digitally signed. It cannot be changed afterwards without the change showing, and the hospital can check it on its own.",
        },
        auditTrail: {
          title: "A tamper-evident public audit trail",
          detail:
            "Every change to your consent and every answer Donum gives is recorded in a log built so that any later edit or deletion would be detected. Regulators export it and verify it themselves.",
        },
        nationalId: {
          title: "Your national ID is never stored",
          detail:
            "When your ID number reaches Donum it is turned at once into a keyed pseudonym — a code that cannot be turned back into your number. The number itself is never stored, logged or shown.",
        },
      },
    },
  },
  signin: {
    heading: "Sign in to Donum",
    intro:
      "Donum uses your country's national electronic identity (eID) to know it is you. You will leave this site to sign in " +
      "with your eID, then come back here.",
    privacy:
      "Donum does not keep your national identification number. It turns it at once into a code that only Donum can " +
      "recompute, and stores only that code with your choices.",
    button: "Sign in with your national eID",
    busy: "Taking you to your eID…",
    devNoticeTitle: "Development sign-in: demo accounts only",
    devNoticeBody:
      "This installation uses the bundled development sign-in, not a real eID. You will choose one of the demo people; " +
      "nothing you do here concerns a real person.",
    errorTitle: "You are not signed in",
    errors: {
      NoPersonIdentifier:
        "Your eID did not give Donum a national identification number it can use, so Donum cannot tell whose consent " +
        "this is. Try again with a national eID that includes your personal identifier.",
      NoSubject: "Your eID sign-in did not complete correctly. Please try again.",
      DevProviderInProduction: "This sign-in came from a development identity provider, which this portal does not accept.",
      AccessDenied: "Sign-in was cancelled or refused.",
      OAuthCallback: "Sign-in was cancelled, or your eID provider could not confirm who you are. Please try again.",
      Callback: "Sign-in was cancelled, or your eID provider could not confirm who you are. Please try again.",
      OAuthSignin: "Donum could not reach the eID sign-in service. Please try again in a few minutes.",
      SessionRequired: "Please sign in to see that page.",
      Default: "Sign-in did not work. Please try again.",
    },
  },
  nav: {
    myConsent: "My consent",
    history: "History",
    lookups: "Who looked me up",
    regulator: "Audit workspace",
    operatorForms: "Consent forms",
    operatorNodes: "Imaging nodes",
  },
  consent: {
    title: "Give your consent",
    amendTitle: "Change your consent",
    reconsentTitle: "Please renew your consent",
    stepsLabel: "Steps",
    step: {
      read: "Read",
      choose: "Choose",
      review: "Review",
      confirm: "Confirm",
    },
    stepCounter: "Step {current} of {total}",
    read: {
      intro: "Read what this is about. Each part has a short summary; the full text is one tap away.",
      fullText: "Read the full text",
      continue: "Continue to your choices",
      languageFallback: "This form is not yet available in your language; it is shown in {language}.",
      formVersion: "Consent form version {version}",
    },
    choose: {
      intro: "Choose exactly what you allow. Anything you do not choose is not allowed.",
      dataCategories: "Which of your data may be used?",
      groupImaging: "Scans (imaging)",
      groupReports: "Reports",
      groupClinical: "Clinical information",
      groupGenomics: "Genetic information",
      research: "For which research?",
      diseases: "Which cancers?",
      aiUses: "May artificial intelligence (AI) models learn from your data?",
      aiUsesHint: "Leave both unticked if you do not want your data used for AI.",
      recipients: "Who may receive your data?",
      geography: "Where may those who receive it be based?",
      period: "For how long?",
      untilWithdrawn: "Until I withdraw my consent",
      untilDate: "Until a date I choose",
      endDate: "End date",
      conditions: "Your wishes",
      continue: "Review my choices",
    },
    errors: {
      dataCategories: "Choose at least one kind of data.",
      diseases: "Choose at least one cancer.",
      recipientTypes: "Choose at least one kind of recipient.",
      research: "Choose the research your data may be used for.",
      geography: "Choose where recipients may be based.",
      endDate: "Give an end date in the future.",
      period: "Choose how long your consent lasts.",
      generic: "Please check this answer.",
      summary: "Some answers need your attention:",
    },
    review: {
      intro: "Check your choices. This is exactly what your consent will allow, and what it will not.",
      permitted: "What will be allowed",
      notPermitted: "What will not be allowed",
      change: "Change my choices",
      data: "Data",
      research: "Research",
      ai: "AI",
      recipients: "Recipients",
      where: "Where",
      until: "Until",
      untilWithdrawn: "until you withdraw it",
      untilDate: "until {date}",
      noAi: "No use for AI models",
      recontact: "Projects may contact you again through your hospital",
      noRecontact: "No project may contact you again",
      findings: "You want to be told of findings that matter for your health",
      continue: "Continue",
    },
    confirm: {
      declarationHeading: "Your declaration",
      give: "I give my consent",
      save: "Save my new choices",
      saving: "Saving…",
      failed: "Your consent could not be saved: {message}",
      conflict: "Your consent was changed in another window. Reload the page to see the latest version.",
      outdated: "A new version of the consent form was published while you were reading. Reload the page to read it before you decide.",
      unexpected: "Something went wrong (code {code}). Please try again.",
    },
    done: {
      title: "Thank you. Your consent is saved.",
      body: "From now on, every hospital asks Donum before releasing your data, and gets an answer that follows your choices.",
      receipt: "See and download your receipt",
      myConsent: "Go to my consent",
    },
  },
  formPage: {
    title: "{title} — version {version}",
    published: "Published {date}",
    material: "This version changes important terms: consents given on earlier versions must be renewed to cover them.",
    textHash: "Fingerprint of this text (SHA-256)",
    languages: "This version in other languages",
    organisation: "Data altruism organisation",
  },
  notFound: {
    title: "This page does not exist",
    body: "The address may be mistyped, or the page may have moved.",
    home: "Go to the home page",
  },
  me: {
    title: "My consent",
    none: "You have not given consent. Nothing about you is released for research.",
    give: "Give consent",
    status: {
      active: "Active",
      withdrawn: "Withdrawn",
      expired: "Expired",
      opted_out: "Opted out of all secondary use",
      none: "No consent",
    },
    statusLabel: "Status",
    since: "Last changed {date}",
    formVersion: "Given on form version {version} ({language})",
    amend: "Change my choices",
    withdraw: "Withdraw my consent",
    withdrawHelp: "One step, at any time. From the next check on, every release is refused. Research already done with data released before cannot be undone.",
    withdrawn: "Your consent is withdrawn. No hospital may release your data from now on.",
    optOut: "Opt out of all secondary use",
    optOutHelp: "The European Health Data Space lets you object to any reuse of your health data for research, innovation or policy. This also ends this consent.",
    optedOut: "You have opted out. No release for secondary use is allowed.",
    giveAgain: "Give consent again",
    reconsent: "A new version of the consent form changes important terms. Your consent still covers only what you agreed to before; renew it to cover the new terms.",
    reconsentAction: "Read and renew",
    expired: "Your consent ended on its end date. Nothing more is released.",
    receipt: "Receipt",
    history: "History",
    lookups: "Who looked me up",
    actionFailed: "That did not work: {message}",
  },
  history: {
    title: "History of your consent",
    intro: "Every change, oldest first, with the exact form text you saw.",
    empty: "There is no history yet.",
    action: {
      granted: "Consent given",
      amended: "Consent changed",
      withdrawn: "Consent withdrawn",
      opted_out: "Opted out",
    },
    version: "Version {version}",
    form: "Form {formId}, version {version}, in {language}",
    textHash: "Text fingerprint (SHA-256)",
    compare: "Compare two versions",
    compareFrom: "From",
    compareTo: "To",
    compareButton: "Compare",
    changed: "Changed",
    unchanged: "Unchanged",
    nothing: "nothing",
  },
  lookups: {
    title: "Who looked me up",
    intro: "Every time a hospital's imaging node asked Donum whether it may release your data, and the answer it got.",
    empty: "No one has asked about you yet. When a hospital asks whether it may release your data, the question and Donum's answer appear here.",
    organisation: "Organisation",
    time: "When",
    purpose: "Purpose",
    recipient: "Recipient",
    permit: "Allowed",
    deny: "Refused",
  },
  proof: {
    summary: "Proof that this is recorded",
    heading: "Proof of inclusion in the log",
    intro:
      "This lookup is recorded in a public log that Donum cannot rewrite without being caught. " +
      "Press the button and your browser checks it for itself, using only what is shown here and Donum's published keys.",
    regulatorIntro:
      "The entry's inclusion proof against the latest signed checkpoint (RFC 9162). The check runs in this browser alone: " +
      "it hashes the entry, folds the proof to the root and verifies the checkpoint's signature with the keys published at /.well-known/jwks.json.",
    withheld:
      "This entry is about a citizen, so its full text (with their pseudonymous key) is not shown. " +
      "The check starts from the entry's hash as Donum states it.",
    pending: "Not yet in a signed checkpoint; entries are added within a minute. Reload the page to see the proof.",
    seq: "Position in the log",
    leafHash: "Hash of the entry",
    path: "Proof hashes (nearest first)",
    noPath: "None: the log held only this entry",
    treeSize: "Entries in the signed checkpoint",
    rootHash: "Root hash of the log",
    time: "Checkpoint signed",
    entry: "Show the entry as recorded (canonical JSON)",
    jws: "Show Donum's signed checkpoint (JWS)",
    check: "Check in this browser",
    checking: "Checking…",
    steps: "Steps of the check",
    hashes: {
      one: "{count} proof hash",
      other: "{count} proof hashes",
    },
    entries: {
      one: "{count} entry",
      other: "{count} entries",
    },
    result: {
      ok: "Included in the log: the entry's hash, {hashes} and Donum's signed checkpoint of {entries} agree.",
      okGiven:
        "Included in the log: the entry's hash as stated, {hashes} and Donum's signed checkpoint of {entries} agree. " +
        "The entry's hash itself was not recomputed, because its text is not shown here.",
      failed: "Not confirmed. This step failed: {step}. {reason}",
      error: "Your browser could not run the check. Please try again, or use another browser.",
    },
    step: {
      entry: "The entry's hash",
      checkpoint: "Donum's checkpoint",
      proof: "The proof hashes",
      signature: "Donum's signature",
    },
    stepStatus: {
      passed: "checked",
      failed: "failed",
      skipped: "not checked",
      given: "taken as stated by Donum",
    },
    failure: {
      ENTRY_MALFORMED: "The entry's text could not be read.",
      ENTRY_SEQ_MISMATCH: "The entry's text names another position in the log than the proof.",
      LEAF_MISMATCH: "The hash of the entry's text is not the one the proof starts from: the entry may have been changed.",
      CHECKPOINT_MALFORMED: "The signed checkpoint could not be read.",
      TREE_SIZE_MISMATCH: "The proof is for a log of another size than the signed checkpoint.",
      PROOF_MALFORMED: "The proof hashes do not fit this position and this size of the log.",
      ROOT_MISMATCH: "The proof hashes do not lead to the root hash in the signed checkpoint.",
      SIGNATURE_UNSUPPORTED: "The checkpoint is not signed the way Donum signs its checkpoints.",
      UNKNOWN_KEY: "The checkpoint was signed with a key that is not among Donum's published keys.",
      BAD_SIGNATURE: "Donum's signature on the checkpoint does not match its published keys.",
      JWKS_UNAVAILABLE: "Donum's published keys could not be fetched. Check your connection and try again.",
    },
  },
  receipt: {
    title: "Your consent receipt",
    intro:
      "This receipt records what you chose, when, and exactly which text of the consent form you read. " +
      "Donum has signed it, so anyone can check that it has not been changed since.",
    print: "Print or save as PDF",
    download: "Download signed receipt (JWS)",
    downloadHelp: "The signed receipt is a file that a computer can check. Keep it with your records.",
    none: "You have not given or recorded any consent yet, so there is no receipt to show.",
    labelsLanguageNote: "The choices below are shown in the words of the form you read.",
    status: {
      heading: "Status",
      value: {
        active: "Your consent is active",
        expired: "Your consent has ended: its end date has passed",
        withdrawn: "You withdrew your consent",
        opted_out: "You opted out of all secondary use of your health data",
        superseded: "This change was replaced by a later one",
      },
      action: {
        granted: "You gave consent",
        amended: "You changed your consent",
        withdrawn: "You withdrew your consent",
        opted_out: "You opted out",
      },
      what: "What this receipt records",
      when: "When",
      position: "Change {position} of {of} in your history",
      how: "How",
      method: {
        web: "Online, in the Donum portal",
        operatorAssisted: "With the help of Donum staff",
      },
    },
    scope: {
      heading: "What you agreed to",
      nothing: "Nothing: this receipt records that no data may be shared on the basis of your consent.",
      service: "Consent form",
      research: "Kind of research",
      diseases: "Only research on",
      ai: "Artificial intelligence (AI)",
      noAi: "No AI uses",
      data: "Data that may be shared",
      recipients: "Who may receive it",
      where: "Where the recipients may be",
      countries: "Countries: {countries}",
      until: "Until when",
      untilWithdrawn: "Until you withdraw it",
      conditions: "Other choices",
      yes: "Yes",
      no: "No",
      codes: "Codes: {codes}",
      consentType: "Type of consent: explicit (GDPR Article 9(2)(a))",
    },
    withdraw: {
      heading: "How to withdraw or change your consent",
      manage: "Change or withdraw your consent",
    },
    controller: {
      heading: "Who holds your consent",
      name: "Organisation",
      address: "Address",
      registration: "Registration",
      email: "Contact",
      dpo: "Data protection officer",
      website: "Website",
    },
    notice: {
      heading: "The text you agreed to",
      none: "You recorded this without reading a consent form, so no form text is linked to it.",
      form: "Form",
      version: "Version",
      language: "Language",
      hash: "Fingerprint of the text (SHA-256)",
      hashHelp: "The fingerprint changes if even one character of the text changes, so it proves which words you read.",
      read: "Read this version of the form",
    },
    about: {
      heading: "About this receipt",
      receiptId: "Receipt number",
      consentReference: "Consent reference",
      consentReferenceHelp: "Quote this reference if you contact us. It does not reveal who you are.",
      issued: "Issued",
      jurisdiction: "Law that applies",
      sensitive: "Special categories of data (GDPR Article 9)",
      spi: {
        health: "Health data",
        genetic: "Genetic data",
      },
      standard: "Format",
      key: "Signing key",
      keys: "Donum's public keys",
    },
    jws: {
      heading: "Signed receipt",
      show: "Show the signed receipt (JWS)",
    },
  },
  regulator: {
    meta: "Audit activity — Donum",
    title: "Audit activity",
    intro:
      "Consent changes and consent checks as recorded in the audit trail. Days are UTC days. Entries show no subject keys: " +
      "you see what was decided and by which node, not about whom.",
    filter: {
      heading: "Filter",
      from: "From (UTC day)",
      to: "To (UTC day, included)",
      type: "Event type",
      node: "Imaging node",
      decision: "Decision",
      any: "Any",
      apply: "Apply filter",
      reset: "Clear filter",
      invalid: "Some filter values could not be read and were replaced by their defaults: {fields}.",
    },
    truncated: "This period has more than {max} entries: only those up to {time} are counted. Choose a shorter period to see all of them.",
    tableRegion: "{name} (table; scrolls sideways on a narrow screen)",
    consents: {
      heading: "Consent changes per day",
      desc: "Stacked bars, one per UTC day from {from} to {to}, of consents granted, amended, withdrawn and opted out; each kind has its own pattern. The busiest day had {max} changes. The table below has the same numbers.",
      day: "Day (UTC)",
      total: "Total",
    },
    decisions: {
      heading: "Decisions per node",
      desc: "Pairs of bars for each imaging node: permits (solid) and denials (hatched), with the number written at the end of each bar. The table below has the same numbers.",
      node: "Node",
      empty: "No decisions in this period.",
    },
    denyRate: {
      heading: "Deny rate",
      desc: "One bar per imaging node and one for all nodes together: the share of decisions that were denials, written as a percentage at the end of each bar. The table below has the same numbers.",
      overall: "All nodes",
      rate: "Deny rate",
      decisions: "Decisions",
    },
    exports: {
      meta: "Exports — Donum",
      title: "Export the audit trail",
      intro: "An export is a bundle you can verify without trusting Donum: the entries of a period (NDJSON and CSV), Donum's signed checkpoint of the log, the proof that rebuilds that checkpoint from the entries, and a manifest signed by Donum. Each export is itself recorded in the audit trail.",
      link: "Export this period",
      back: "Back to the audit activity",
      form: {
        heading: "New export",
        from: "From (UTC day)",
        to: "To (UTC day, included; today ends now)",
        submit: "Start the export",
        busy: "Starting…",
        started: "The export has started; its progress is shown below.",
        failed: "The export could not be started: {message}",
        note: "Without filters the bundle holds every entry of the period's stretch of the log, with no gaps; with filters it holds the matching entries, each proved to be in the log.",
      },
      error: {
        required: "Choose a day.",
        order: "The first day must be on or before the last.",
        future: "The first day cannot be in the future.",
      },
      list: {
        heading: "Recent exports",
        empty: "No exports yet.",
        period: "Period",
        filters: "Filters",
        none: "none",
        requested: "Requested",
      },
      state: {
        queued: "Waiting to start",
        running: "Running",
        done: "Done",
        failed: "Failed",
      },
      progress: "{scanned} of {total} entries read",
      progressUnknown: "Finding the entries of the period…",
      done: "{entries} entries, covered by Donum's signed checkpoint of {treeSize} entries.",
      download: "Download the bundle (.tar)",
      files: "Single files",
      verify: "To verify it, run this in a copy of Donum (it checks both signatures, every entry's place in the log, the sequence, and that the log has only grown since):",
      failure: "The export failed ({code}): {message}. Reference: {correlationId}",
    },
    kind: {
      granted: "Granted",
      amended: "Amended",
      withdrawn: "Withdrawn",
      opted_out: "Opted out",
    },
    decision: {
      PERMIT: "Permit",
      DENY: "Deny",
    },
    type: {
      consent_granted: "Consent granted",
      consent_amended: "Consent amended",
      consent_withdrawn: "Consent withdrawn",
      consent_opted_out: "Opted out",
      form_published: "Form version published",
      node_registered: "Node registered",
      node_status_changed: "Node status changed",
      node_key_rotated: "Node key rotated",
      node_request_refused: "Node request refused",
      signing_key_rotated: "Donum signing key rotated",
      export_requested: "Audit export requested",
      export_completed: "Audit export completed",
      export_failed: "Audit export failed",
      decision_made: "Decision made",
    },
    entry: {
      meta: "Audit entry — Donum",
      back: "Back to the audit activity",
      title: "Audit entry",
      notFound: "There is no audit entry with this reference.",
      id: "Entry reference",
      seq: "Position in the log",
      pending: "Not yet in the log",
      actor: "Recorded for",
      purpose: "Purpose",
      recipient: "Recipient",
      categories: "Data categories",
      permit: "Data permit or project",
      batch: "Part of a batch",
      batchItem: "{id}, item {index}",
    },
    actorKind: {
      subject: "A citizen",
      operator: "An operator or regulator",
      node: "An imaging node",
      system: "Donum itself",
    },
    entries: {
      heading: "Entries",
      count: "{total} entries match, of {scanned} in the period.",
      showing: "Showing {first} to {last}, newest first.",
      empty: "No entries match this filter.",
      time: "Time (UTC)",
      type: "Event",
      node: "Node",
      decision: "Decision",
      reasons: "Reasons",
      subject: "About a citizen",
      yes: "Yes",
      no: "No",
      none: "—",
      newer: "Newer entries",
      older: "Older entries",
      pages: "Pages of entries",
    },
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
