/**
 * The federation's first consent form: the cancer-imaging data-altruism consent form, version 1.
 *
 * Structure: the modules of the European data-altruism consent form (Data Governance Act,
 * Regulation (EU) 2022/868, Art. 25), with the information GDPR Art. 7, 9(2)(a) and 13 require
 * and the EHDS opt-out (Regulation (EU) 2025/327, Art. 71). Each module has a plain-language
 * summary (second person, short sentences) and the full text behind it.
 *
 * The text must say what decide() (../decision.ts) enforces, no more and no less:
 *  - research levels are nested (GRU ⊃ HMB ⊃ DS); DS covers only the chosen cancers, and
 *    "cancer (any)" covers every cancer in the list;
 *  - AI training and AI validation are separate choices, checked on top of the research level;
 *  - recipient type and geography are checked against the recipient named in the request, and
 *    geography concerns the country of that recipient (not where its computers are);
 *  - a consent "until a date" ends at that instant; withdrawal and opt-out deny every check
 *    from the moment they are recorded; nothing can recall data already released;
 *  - "may re-contact" blocks requests that declare re-contact; "wants findings" is recorded
 *    only and changes no decision.
 *
 * PUBLISHED TEXT. Every string below, and the organisation block, is hashed into the text hash
 * that each consent records (formTextHash in ../form.ts). Editing any of it, even a comma,
 * changes what citizens agreed to: publish a new version instead (material if it widens or
 * changes what a consent permits), and leave this file as it is.
 *
 * The organisation is fictional. Its domain is a subdomain of example.org, which RFC 2606 §3
 * reserves for documentation, so no mail or visit can reach a real party; example.eu is an
 * ordinary registrable .eu name and was not used for that reason. The retention periods in the
 * "retention" module are an example policy: a real data altruism organisation sets its own with
 * its DPO and states the legal basis for them.
 */
import type { ConsentFormDraft } from "../form";
import { textDe } from "./cancer-imaging-v1.de";
import { textEs } from "./cancer-imaging-v1.es";
import { textFr } from "./cancer-imaging-v1.fr";
import { textIt } from "./cancer-imaging-v1.it";

/** Paragraphs of a full text, separated by a blank line. */
const paragraphs = (...ps: string[]): string => ps.join("\n\n");

export const cancerImagingFormV1: ConsentFormDraft = {
  formId: "cancer-imaging-altruism",
  version: 1,
  material: false,
  defaultLanguage: "en",
  organisation: {
    name: "European Cancer Imaging Data Altruism Federation (Donum)",
    registration: "EU DAO register: BE-DAO-2026-0001",
    address: "Rue de l'Exemple 1, 1000 Brussels, Belgium",
    contactEmail: "contact@donum.example.org",
    dpoEmail: "dpo@donum.example.org",
    website: "https://donum.example.org",
  },
  texts: {
    en: {
      title: "Cancer-imaging data-altruism consent form",
      introduction: paragraphs(
        "This form asks whether you want to share data from your medical scans and health records to help cancer research. " +
          "Sharing is your free choice. You will not be paid. " +
          "Saying no, or saying yes and later changing your mind, will never affect your care.",
        "You decide what is shared, for what kind of research, with whom, where, and for how long. " +
          "You can change your choices or withdraw your consent at any time, in one step.",
        "Each part of this form starts with a short summary. The full text below each summary gives the legal details. " +
          "This is a European data-altruism consent form under Article 25 of the Data Governance Act (Regulation (EU) 2022/868). " +
          "It asks for your explicit consent under Articles 6(1)(a), 7 and 9(2)(a) of the General Data Protection Regulation (Regulation (EU) 2016/679, \"GDPR\").",
      ),
      modules: {
        objectives: {
          heading: "Why we ask: research in the general interest",
          summary:
            "Your scans can help doctors find cancer earlier and treat it better. " +
            "Researchers learn from the scans of many people. " +
            "They also build and test computer tools, called AI, that help read medical images.",
          fullText: paragraphs(
            "Donum collects consent for data altruism: the voluntary sharing of data, without reward, for objectives of general interest, as defined in Article 2(16) of the Data Governance Act (Regulation (EU) 2022/868).",
            "The objectives of general interest pursued with the data covered by this form are: " +
              "(a) earlier and more accurate detection, diagnosis and staging of cancer; " +
              "(b) better cancer treatment, including predicting how a tumour will respond to treatment and reducing side effects; " +
              "(c) developing, training, validating and monitoring artificial-intelligence (AI) methods that analyse medical images, so that they are accurate, safe and fair for all patients; " +
              "(d) public health, including understanding how cancer affects different groups of people and evaluating screening programmes; and " +
              "(e) scientific research that depends on large and diverse collections of medical images and related data, carried out with the safeguards of Article 89 GDPR.",
            "Your data is released only for research, and only within the choices you make in this form. " +
              "Recipients may not use it to take decisions about you as a person, such as decisions about insurance, employment or credit, nor for advertising or marketing. " +
              "Donum does not sell data.",
            "Sharing is voluntary. You will receive no payment or other reward. " +
              "Whether you give, limit or withdraw this consent has no effect on the care you receive, now or in the future.",
          ),
        },
        organisation: {
          heading: "Who we are and how to reach us",
          summary:
            "We are Donum, a not-for-profit data altruism organisation registered in the EU. " +
            "We keep a record of your choices. " +
            "Before a hospital shares your data, it must ask us what you allowed. " +
            "You can write to us or to our data protection officer at any time.",
          fullText: paragraphs(
            "This form is provided by the European Cancer Imaging Data Altruism Federation (Donum), Rue de l'Exemple 1, 1000 Brussels, Belgium. " +
              "Donum is a recognised data altruism organisation, entered in the public register under number BE-DAO-2026-0001 (Articles 17 to 19 of the Data Governance Act). " +
              "As the Act requires, Donum is a not-for-profit legal person, legally independent of any entity that operates for profit, and carries out its data altruism activities through a structure that is functionally separate from any other activities.",
            "Donum does not hold your scans or your medical records. They stay with the hospitals and imaging centres that created them, which take part in the federation through secure gateways called imaging nodes. " +
              "Donum keeps your consent: the choices you make in this form and every change you make to them. " +
              "Before an imaging node releases any of your data, it must ask Donum whether your consent allows that release, and it keeps Donum's signed answer as evidence.",
            "Donum is the controller, within the meaning of the GDPR, of the personal data it processes to record your consent and answer those requests. " +
              "Each imaging node is the controller of the data it holds and releases. " +
              "Each recipient is the controller of the data it receives, for its own project.",
            "Contact: contact@donum.example.org. Website: https://donum.example.org. " +
              "Data protection officer: dpo@donum.example.org. You can write to our data protection officer about anything concerning your data or your rights.",
            "Donum keeps records of the organisations that received data through the federation, the dates and duration of the processing and its purposes, and publishes a yearly activity report, as required by Article 20 of the Data Governance Act.",
          ),
        },
        purposes: {
          heading: "What your data may be used for",
          summary:
            "You choose how broad the research can be. " +
            "It can be any research, only health research, or only research on the cancers you pick. " +
            "Training or testing AI needs a separate yes from you. " +
            "A broader choice includes the narrower ones.",
          fullText: paragraphs(
            "Every request to release data states one research purpose, coded with the GA4GH Data Use Ontology (DUO), the vocabulary used by the federation's catalogue. " +
              "Your data is released only if that purpose falls within the research level you choose. There are three levels.",
            "General research use (DUO:0000042, code GRU): research for any purpose. " +
              "This includes health, medical and biomedical research, and also other research, such as fundamental biology, the development of statistical and computing methods, and the study of population origins or ancestry.",
            "Health, medical and biomedical research (DUO:0000006, code HMB): research about health, disease, medicine and health care, including research on any cancer. " +
              "It does not include research that is not about health, nor the study of population origins or ancestry.",
            "Disease-specific research (DUO:0000007, code DS): only research on the cancers you select. " +
              "The cancers you can select are: cancer (any), lung cancer, breast cancer, prostate cancer, colorectal cancer, pancreatic cancer, hepatocellular carcinoma (the most common type of liver cancer), brain cancer, ovarian cancer, melanoma and lymphoma. " +
              "If you select \"cancer (any)\", research on any type of cancer is allowed. " +
              "If you select particular cancers, only research on one of those cancers is allowed; research on another cancer, or on cancer in general, is not.",
            "The levels are nested. General research use includes the other two levels. Health, medical and biomedical research includes research on any of the listed cancers. " +
              "Disease-specific research includes nothing beyond the cancers you select.",
            "Artificial intelligence. Consent to research alone never allows your data to be used for AI. There are two separate choices. " +
              "AI model training means using your data to build, or \"teach\", a computer model, for example one that learns to find tumours on scans. " +
              "AI model validation means using your data to test how well a model that has already been built works, for example before it is used in hospitals or certified as a medical device. " +
              "Each is allowed only if you choose it, and only within the research level, data, recipients and places you choose. " +
              "If you allow AI training and also allow commercial companies, a company may use your data to train an AI model that it then sells as a product.",
            "Contacting you again. If you allow it, a project that plans to contact you again, for example to invite you to a follow-up study, may receive your data. " +
              "If you do not allow it, projects that plan to contact you cannot receive your data. " +
              "Researchers do not know your name, so any contact would have to be arranged by the hospital that holds your data.",
            "Findings about your health. You can tell us that you would like to be told of findings that may matter for your health. " +
              "We record this wish with your consent. It does not change which releases are allowed, and it is not a promise that you will be told of anything. " +
              "Research on pseudonymised data rarely produces results about one person, and such results are often uncertain. " +
              "A finding could reach you only through the hospital that holds your data, under the rules of your country.",
            "A release is allowed only if every part of the request is covered by your consent: the data, the purpose, any AI use, the type and country of the recipient and, where it applies, contact with you. " +
              "If any part is not covered, the answer is no.",
          ),
        },
        dataCategories: {
          heading: "Which data you share",
          summary:
            "You choose which kinds of data can be shared. " +
            "Examples are CT or MRI scans, doctors' reports, your treatment history or genetic data. " +
            "Before any release, your name and other details that show who you are are replaced by a code. " +
            "Your national ID number is never shared.",
          fullText: paragraphs(
            "You can choose any of the following kinds of data. Only the kinds you choose can be released; a release that includes several kinds is allowed only if you chose every one of them.",
            "Medical images, by type: " +
              "CT scans (computed tomography); " +
              "MRI scans (magnetic resonance imaging); " +
              "PET scans (positron emission tomography); " +
              "mammograms (X-ray images of the breast); " +
              "ultrasound images; " +
              "X-ray images (radiographs) other than mammograms; and " +
              "digital pathology slides (scanned microscope images of tissue samples, such as biopsies). " +
              "Images come with technical information about how they were taken, such as the date, the machine and its settings.",
            "Reports: radiology reports (the written report of the doctor who read your scans) and pathology reports (the written report on your tissue samples, including the type and stage of a tumour).",
            "Clinical history: your diagnoses, relevant earlier illnesses and conditions, and basic information such as your age, sex, height and weight.",
            "Treatment and outcomes: the treatments you received, such as surgery, radiotherapy, chemotherapy and other medicines, how your illness developed, and, where this is recorded, survival.",
            "Genomic data: information from DNA, which may come from your tumour, from your own inherited DNA, or both. " +
              "Inherited DNA can say something about your blood relatives as well as about you, and it cannot be made truly anonymous. Think about this before you choose it.",
            "Before any release, the imaging node pseudonymises the data (Article 4(5) GDPR): it removes your name, address, national identification number and other direct identifiers from the images, their technical information and the reports, and replaces them with a code. " +
              "Pseudonymised data is still personal data. Someone with additional information could in some cases find out who it belongs to, for example from a scan of the head or from genetic data. " +
              "That is why recipients are bound never to try to identify you, as explained under \"Who may receive your data\".",
            "Your national identification number is never shared with recipients. " +
              "Donum itself does not store it: when you sign in, or when a hospital asks about you, the number is converted at once into a secret code (a keyed cryptographic hash) and the number itself is discarded. " +
              "Donum holds no images, reports or health records.",
          ),
        },
        recipients: {
          heading: "Who may receive your data",
          summary:
            "You choose which kinds of organisations may use your data. " +
            "They can be public research bodies, not-for-profit organisations or companies. " +
            "Every project is checked before it gets any data. " +
            "Recipients must never try to find out who you are.",
          fullText: paragraphs(
            "You can allow one or more of three kinds of recipients. " +
              "Public research bodies: universities, public hospitals, public research institutes and other public bodies that carry out research. " +
              "Not-for-profit organisations: foundations, charities, patient organisations and other non-profit bodies that carry out research. " +
              "Commercial companies: companies that operate for profit, for example companies that develop medical software, AI tools, medical devices or medicines.",
            "If you do not allow commercial companies, no commercial company receives your data: it may be used only by public and not-for-profit bodies (in DUO terms, not-for-profit use only).",
            "Each request to release data names the recipient organisation and states its type and the country where it is established. " +
              "Donum checks both against your choices before answering. " +
              "In the \"who looked me up\" view described under \"Your rights\", you can see the name of every recipient named in a request about you.",
            "Before a recipient can receive any data, its project must be approved. " +
              "Once the secondary-use rules of the European Health Data Space Regulation (Regulation (EU) 2025/327) apply, a recipient may access the data only under a data permit issued by a health data access body (Article 68) and within the permit's terms. " +
              "Every recipient must also sign an agreement with the federation that limits the use of the data to the approved project.",
            "Recipients must not re-identify, or attempt to re-identify, the people the data relates to (Article 61(3) of Regulation (EU) 2025/327). " +
              "They must not give the data to anyone not named in their permit or agreement. " +
              "They must not use it to take decisions about you, for advertising or marketing, or for any use that the law prohibits.",
          ),
        },
        processingLocation: {
          heading: "Where your data may go",
          summary:
            "You choose where the organisations that receive your data may be based. " +
            "They can be only in the EU and the EEA, which adds Iceland, Liechtenstein and Norway. " +
            "Or they can also be in countries the EU has found to protect data well. " +
            "We check the country of every recipient.",
          fullText: paragraphs(
            "This choice concerns the country where the recipient organisation is established, as stated in each request to release data. Donum checks that country against your choice before answering.",
            "EU and EEA only: recipients established in a Member State of the European Union, or in Iceland, Liechtenstein or Norway (the other countries of the European Economic Area). " +
              "Both options cover recipients in these countries.",
            "EU and EEA, and countries with an adequacy decision: in addition, recipients established in a country for which the European Commission has decided, under Article 45 GDPR, that it ensures an adequate level of protection of personal data. " +
              "With this form, these countries are: Andorra, Argentina, the Faroe Islands, Guernsey, Israel, the Isle of Man, Japan, Jersey, New Zealand, the Republic of Korea, Switzerland, the United Kingdom and Uruguay. " +
              "Canada and the United States are not included: their decisions cover only some organisations, and Donum cannot check which.",
            "If the Commission withdraws or suspends a decision for one of these countries, releases to recipients there stop. " +
              "A country that receives a decision later is covered only once we publish a new version of this form and you agree to it.",
            "A recipient outside the EU and EEA remains bound by its permit or agreement, and any further transfer of the data must meet the conditions of Chapter V GDPR.",
            "Donum itself keeps your consent record only within the European Union and the European Economic Area.",
          ),
        },
        retention: {
          heading: "How long data is kept",
          summary:
            "Recipients may keep your data only as long as their approved project needs it. " +
            "Then they must delete it. " +
            "We keep the record of your choices, and of every request about you, while your consent lasts. " +
            "We keep it for ten more years after it ends.",
          fullText: paragraphs(
            "Your consent lasts until you withdraw it, or until the date you choose when you give it. " +
              "On that date it ends by itself, and no release is allowed after it unless you give consent again.",
            "Recipients may keep the data they receive only for as long as their approved project needs it, within the period set in their data permit or agreement. " +
              "At the end of that period they must delete it or, where they worked in a secure processing environment, their access ends. " +
              "They may keep the results of their research, such as publications, aggregate statistics and trained AI models.",
            "Donum keeps: the secret code that stands for you (never your national identification number); each version of your choices, with the form version and language you were shown, the fingerprint (hash) of the exact text you agreed to, the time and the way you gave it; " +
              "and a record of every request made about you: which imaging node asked, when, for which data, purpose and recipient, and what the answer was. " +
              "These records form a tamper-evident audit trail that regulators can check.",
            "We keep these records for as long as your consent exists and for ten years after it ends by withdrawal, expiry or opt-out. " +
              "We need them to prove what you agreed to and what was released on that basis (Article 7(1) GDPR), to keep the records required by Article 20 of the Data Governance Act, and to establish or defend legal claims; ten years is the general limitation period for legal claims in Belgium, where Donum is established. " +
              "After that period we delete the records about you. Only the cryptographic fingerprints needed to keep the audit trail verifiable remain.",
          ),
        },
        withdrawal: {
          heading: "How to change your mind",
          summary:
            "You can withdraw your consent at any time, in one step, for free. " +
            "From then on, no new data about you is released. " +
            "Research already done with data shared before cannot be undone.",
          fullText: paragraphs(
            "You can withdraw your consent at any time, without giving a reason and free of charge, with one step in your Donum account. " +
              "You can also ask us to withdraw it for you by writing to contact@donum.example.org. " +
              "Withdrawing is as easy as giving consent (Article 7(3) GDPR; Article 21(3) of the Data Governance Act).",
            "Every release of your data is checked with Donum first. " +
              "From the moment your withdrawal is recorded, every check answers no, so no new data about you is released. " +
              "We also notify the imaging nodes of your withdrawal.",
            "Withdrawal does not affect the lawfulness of what was done with your consent before you withdrew (Article 7(3) GDPR). " +
              "It cannot undo research already carried out, results already published, or AI models already trained or validated with your data; a trained model cannot be made to forget the data it learned from. " +
              "Donum cannot recall or delete data that has already been released. " +
              "A recipient that still holds your data may continue to use it only where the law gives it a basis other than your consent.",
            "You can also change your choices at any time, for example to stop AI uses or commercial recipients, or to share less data. " +
              "Any change applies from the next check, in the same way.",
            "If you chose an end date, your consent ends by itself on that date. " +
              "After a withdrawal or an end date, you can give consent again; the new consent applies from then on.",
            "Opting out of all secondary use under the European Health Data Space is a separate right. Withdrawing this consent ends this consent only. " +
              "Under Article 71 of the European Health Data Space Regulation (Regulation (EU) 2025/327), you also have the right to opt out, at any time and without giving reasons, of the secondary use of your electronic health data under that Regulation: its use, without your consent, for purposes such as research, innovation and policy-making, made available through health data access bodies. " +
              "Your Member State must provide an easy way to do this, and you can reverse it. Its law may allow limited exceptions for certain purposes in the public interest.",
            "You can also record an opt-out in Donum. It ends this consent, every check then answers no, and it stays in place until you give consent again. " +
              "Recording it in Donum applies to releases through Donum; to opt out of secondary use through the health data access bodies, use the opt-out mechanism of your Member State.",
          ),
        },
        rights: {
          heading: "Your rights",
          summary:
            "You can see your data, correct it, have it deleted or limited, and get a copy. " +
            "You can see every request made about you. " +
            "You can download a receipt of your consent. " +
            "If you are unhappy, you can complain to a data protection authority.",
          fullText: paragraphs(
            "Under the GDPR you have the right to: " +
              "access your personal data and receive a copy (Article 15); " +
              "have inaccurate data corrected (Article 16); " +
              "have your data erased (Article 17); " +
              "have its processing restricted (Article 18); " +
              "receive the data you provided in a structured, machine-readable format and have it sent to another organisation (data portability, Article 20); and " +
              "object to processing based on public or legitimate interests, including certain processing for scientific research (Article 21). " +
              "For the sharing covered by this form, which is based on your consent, the way to object is to withdraw your consent or change your choices.",
            "Some rights have limits. We cannot erase the record of your consent and of the requests about you while we must keep it, as explained under \"How long data is kept\" (Article 17(3)(b) and (e) GDPR). " +
              "Recipients hold only pseudonymised data and cannot tell which data is yours, so they may be unable to act on a request made directly to them (Article 11 GDPR); we will help you reach the imaging nodes, which can.",
            "Your consent receipt: each time you give, change or withdraw your consent, you can download a receipt that records what you chose, the form version and language, and the fingerprint (hash) of the exact text you agreed to.",
            "Who looked me up: in your Donum account you can see every request an imaging node made about you, with the time, the node, the data, the purpose, the recipient and the answer.",
            "To exercise your rights, use your Donum account or write to our data protection officer at dpo@donum.example.org. " +
              "We answer within one month; for complex requests we may extend this by two further months and will tell you why (Article 12(3) GDPR). " +
              "Exercising your rights is free.",
            "You have the right to lodge a complaint with a data protection supervisory authority, in particular in the Member State where you live, where you work or where you think the law was broken (Article 77 GDPR). " +
              "Donum's lead authority is the Belgian Data Protection Authority. " +
              "You can also complain about Donum as a data altruism organisation to the competent authority for the registration of data altruism organisations (Article 27 of the Data Governance Act), and you can go to court (Article 79 GDPR).",
          ),
        },
      },
      choices: {
        dataCategories: {
          "imaging.ct": "CT scans (computed tomography)",
          "imaging.mr": "MRI scans (magnetic resonance imaging)",
          "imaging.pet": "PET scans (positron emission tomography)",
          "imaging.mammography": "Mammograms (X-ray images of the breast)",
          "imaging.ultrasound": "Ultrasound images",
          "imaging.radiography": "X-ray images (radiographs), other than mammograms",
          "imaging.digital-pathology": "Digital pathology slides (scanned microscope images of tissue samples)",
          "report.radiology": "Radiology reports (the doctor's written report on your scans)",
          "report.pathology": "Pathology reports (the written report on your tissue samples)",
          "clinical.history": "Clinical history (diagnoses, earlier illnesses, age, sex, height and weight)",
          "clinical.treatment-outcomes": "Treatment and outcomes (the treatments you received and how your illness developed)",
          genomics: "Genomic data (information from DNA, of your tumour or inherited)",
        },
        research: {
          GRU: "Any kind of research (general research use, GRU)",
          HMB: "Health, medical and biomedical research only (HMB)",
          DS: "Research only on the cancers I select (disease-specific, DS)",
        },
        diseases: {
          "MONDO:0004992": "Any cancer",
          "MONDO:0008903": "Lung cancer",
          "MONDO:0007254": "Breast cancer",
          "MONDO:0008315": "Prostate cancer",
          "MONDO:0005575": "Colorectal (bowel) cancer",
          "MONDO:0005192": "Pancreatic cancer",
          "MONDO:0007256": "Liver cancer (hepatocellular carcinoma)",
          "MONDO:0001657": "Brain cancer",
          "MONDO:0008170": "Ovarian cancer",
          "MONDO:0005105": "Melanoma (a skin cancer)",
          "MONDO:0005062": "Lymphoma",
        },
        aiUses: {
          AI_TRAINING: "Training AI models: my data may be used to build (teach) computer models",
          AI_VALIDATION: "Testing AI models: my data may be used to check how well an existing computer model works",
        },
        recipientTypes: {
          public: "Public research bodies, such as universities, public hospitals and public research institutes",
          non_profit: "Not-for-profit organisations, such as foundations, charities and patient organisations",
          commercial: "Commercial companies, such as makers of medical software, AI tools, medical devices or medicines",
        },
        geography: {
          EU_EEA: "Only recipients based in the EU or the EEA (the EU countries, Iceland, Liechtenstein and Norway)",
          EU_EEA_ADEQUACY:
            "Recipients based in the EU or the EEA, and also in the countries with an adequacy decision named in this form",
        },
        mayRecontact:
          "Projects that plan to contact me again, through the hospital that holds my data, may use my data",
        wantsFindings: "I would like to be told of findings that may matter for my health, where this is possible",
      },
      declaration:
        "I have read this form. I give my explicit consent for the data I have chosen to be shared for the research, uses, recipients, places and period I have chosen, as described above. " +
        "I know that I can change or withdraw my consent at any time, and that this will not affect my care.",
    },
    de: textDe,
    fr: textFr,
    es: textEs,
    it: textIt,
  },
};
