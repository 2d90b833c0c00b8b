/**
 * German (de) text of the cancer-imaging data-altruism consent form, version 1: a translation of
 * `texts.en` in ./cancer-imaging-v1.ts, with the same modules, choices and paragraphs.
 *
 * Register: "Sie". Terminology follows the German versions of the legal acts: Datenaltruismus,
 * anerkannte datenaltruistische Organisation, Daten-Governance-Rechtsakt (Verordnung (EU) 2022/868),
 * Datenschutz-Grundverordnung (DSGVO), Verantwortlicher, Europäischer Gesundheitsdatenraum,
 * Zugangsstelle für Gesundheitsdaten, Datengenehmigung, Sekundärnutzung, Widerspruch (Art. 71).
 * Names, codes, e-mail addresses and URLs are left unchanged.
 *
 * PUBLISHED TEXT. It is hashed into the text hash that each consent given in German records
 * (formTextHash in ../form.ts). Do not edit it: publish a new form version instead.
 */
import type { FormText } from "../form";

/** Paragraphs of a full text, separated by a blank line. */
const paragraphs = (...ps: string[]): string => ps.join("\n\n");

export const textDe: FormText = {
  title: "Einwilligungsformular zum Datenaltruismus für die onkologische Bildgebung",
  introduction: paragraphs(
    "Mit diesem Formular fragen wir Sie, ob Sie Daten aus Ihren medizinischen Bildaufnahmen und Krankenunterlagen teilen möchten, um die Krebsforschung zu unterstützen. " +
      "Ob Sie Ihre Daten teilen, entscheiden Sie frei. Sie erhalten dafür kein Geld. " +
      "Wenn Sie ablehnen oder zustimmen und es sich später anders überlegen, hat das niemals Auswirkungen auf Ihre medizinische Versorgung.",
    "Sie entscheiden, was geteilt wird, für welche Art von Forschung, mit wem, wo und wie lange. " +
      "Sie können jederzeit Ihre Auswahl ändern oder Ihre Einwilligung widerrufen, mit einem einzigen Schritt.",
    "Jeder Teil dieses Formulars beginnt mit einer kurzen Zusammenfassung. Der vollständige Text unter jeder Zusammenfassung enthält die rechtlichen Einzelheiten. " +
      "Dies ist ein Europäisches Einwilligungsformular für Datenaltruismus nach Artikel 25 des Daten-Governance-Rechtsakts (Verordnung (EU) 2022/868). " +
      "Mit ihm bitten wir Sie um Ihre ausdrückliche Einwilligung nach Artikel 6 Absatz 1 Buchstabe a, Artikel 7 und Artikel 9 Absatz 2 Buchstabe a der Datenschutz-Grundverordnung (Verordnung (EU) 2016/679, „DSGVO“).",
  ),
  modules: {
    objectives: {
      heading: "Warum wir Sie fragen: Forschung im allgemeinen Interesse",
      summary:
        "Ihre Aufnahmen können Ärztinnen und Ärzten helfen, Krebs früher zu erkennen und besser zu behandeln. " +
        "Forschende lernen aus den Aufnahmen vieler Menschen. " +
        "Sie entwickeln und testen außerdem Computerprogramme, sogenannte KI, die beim Auswerten medizinischer Bilder helfen.",
      fullText: paragraphs(
        "Donum holt Einwilligungen für Datenaltruismus ein: die freiwillige gemeinsame Nutzung von Daten ohne Gegenleistung für Ziele von allgemeinem Interesse im Sinne von Artikel 2 Nummer 16 des Daten-Governance-Rechtsakts (Verordnung (EU) 2022/868).",
        "Mit den Daten, auf die sich dieses Formular bezieht, werden folgende Ziele von allgemeinem Interesse verfolgt: " +
          "a) frühere und genauere Erkennung, Diagnose und Stadieneinteilung von Krebs; " +
          "b) bessere Krebsbehandlung, einschließlich der Vorhersage, wie ein Tumor auf eine Behandlung ansprechen wird, und der Verringerung von Nebenwirkungen; " +
          "c) Entwicklung, Training, Validierung und Überwachung von Methoden der künstlichen Intelligenz (KI), die medizinische Bilder auswerten, damit diese Methoden für alle Patientinnen und Patienten genau, sicher und fair sind; " +
          "d) öffentliche Gesundheit, einschließlich des Verständnisses, wie sich Krebs auf verschiedene Bevölkerungsgruppen auswirkt, und der Bewertung von Früherkennungsprogrammen; und " +
          "e) wissenschaftliche Forschung, die auf große und vielfältige Sammlungen medizinischer Bilder und zugehöriger Daten angewiesen ist und mit den Garantien nach Artikel 89 DSGVO durchgeführt wird.",
        "Ihre Daten werden nur für die Forschung freigegeben, und nur im Rahmen der Entscheidungen, die Sie in diesem Formular treffen. " +
          "Empfänger dürfen sie nicht nutzen, um Entscheidungen über Sie als Person zu treffen, etwa über Versicherungen, Beschäftigung oder Kredite, und auch nicht für Werbung oder Marketing. " +
          "Donum verkauft keine Daten.",
        "Das Teilen ist freiwillig. Sie erhalten weder eine Bezahlung noch eine andere Gegenleistung. " +
          "Ob Sie diese Einwilligung erteilen, einschränken oder widerrufen, hat keinen Einfluss auf Ihre medizinische Versorgung, weder jetzt noch in Zukunft.",
      ),
    },
    organisation: {
      heading: "Wer wir sind und wie Sie uns erreichen",
      summary:
        "Wir sind Donum, eine in der EU eingetragene datenaltruistische Organisation ohne Erwerbszweck. " +
        "Wir halten Ihre Entscheidungen fest. " +
        "Bevor ein Krankenhaus Ihre Daten weitergibt, muss es bei uns nachfragen, was Sie erlaubt haben. " +
        "Sie können uns oder unserem Datenschutzbeauftragten jederzeit schreiben.",
      fullText: paragraphs(
        "Dieses Formular wird von der European Cancer Imaging Data Altruism Federation (Donum), Rue de l'Exemple 1, 1000 Brüssel, Belgien, bereitgestellt. " +
          "Donum ist eine anerkannte datenaltruistische Organisation und im öffentlichen Register unter der Nummer BE-DAO-2026-0001 eingetragen (Artikel 17 bis 19 des Daten-Governance-Rechtsakts). " +
          "Wie es der Rechtsakt verlangt, ist Donum eine juristische Person ohne Erwerbszweck, rechtlich unabhängig von jeder Einrichtung mit Erwerbszweck, und übt seine datenaltruistischen Tätigkeiten über eine Struktur aus, die von allen anderen Tätigkeiten funktional getrennt ist.",
        "Donum verwahrt weder Ihre Aufnahmen noch Ihre Krankenunterlagen. Sie bleiben bei den Krankenhäusern und Bildgebungszentren, die sie erstellt haben und die über sichere Zugangspunkte, sogenannte Bilddatenknoten, am Verbund teilnehmen. " +
          "Donum verwahrt Ihre Einwilligung: die Entscheidungen, die Sie in diesem Formular treffen, und jede Änderung, die Sie daran vornehmen. " +
          "Bevor ein Bilddatenknoten Daten von Ihnen freigibt, muss er bei Donum anfragen, ob Ihre Einwilligung diese Freigabe erlaubt, und er bewahrt die signierte Antwort von Donum als Nachweis auf.",
        "Donum ist Verantwortlicher im Sinne der DSGVO für die personenbezogenen Daten, die es verarbeitet, um Ihre Einwilligung festzuhalten und diese Anfragen zu beantworten. " +
          "Jeder Bilddatenknoten ist Verantwortlicher für die Daten, die er speichert und freigibt. " +
          "Jeder Empfänger ist Verantwortlicher für die Daten, die er für sein eigenes Projekt erhält.",
        "Kontakt: contact@donum.example.org. Website: https://donum.example.org. " +
          "Datenschutzbeauftragter: dpo@donum.example.org. Sie können sich mit allen Anliegen zu Ihren Daten oder Ihren Rechten an unseren Datenschutzbeauftragten wenden.",
        "Donum führt Aufzeichnungen darüber, welche Organisationen über den Verbund Daten erhalten haben, über Datum und Dauer der Verarbeitung und über deren Zwecke, und veröffentlicht jährlich einen Tätigkeitsbericht, wie es Artikel 20 des Daten-Governance-Rechtsakts vorschreibt.",
      ),
    },
    purposes: {
      heading: "Wofür Ihre Daten verwendet werden dürfen",
      summary:
        "Sie entscheiden, wie breit die Forschung sein darf. " +
        "Das kann jede Forschung sein, nur Gesundheitsforschung oder nur Forschung zu den Krebsarten, die Sie auswählen. " +
        "Für das Trainieren oder Testen von KI ist ein gesondertes Ja von Ihnen nötig. " +
        "Eine breitere Auswahl schließt die engeren ein.",
      fullText: paragraphs(
        "Jede Anfrage zur Freigabe von Daten nennt einen Forschungszweck, codiert mit der GA4GH Data Use Ontology (DUO), dem Vokabular, das der Katalog des Verbunds verwendet. " +
          "Ihre Daten werden nur freigegeben, wenn dieser Zweck in die von Ihnen gewählte Forschungsstufe fällt. Es gibt drei Stufen.",
        "Allgemeine Forschungsnutzung (DUO:0000042, Code GRU): Forschung zu jedem Zweck. " +
          "Dazu gehören Gesundheitsforschung, medizinische und biomedizinische Forschung, aber auch andere Forschung, etwa biologische Grundlagenforschung, die Entwicklung statistischer und informatischer Methoden und die Erforschung der Herkunft von Bevölkerungen oder der Abstammung.",
        "Gesundheitsbezogene, medizinische und biomedizinische Forschung (DUO:0000006, Code HMB): Forschung zu Gesundheit, Krankheit, Medizin und Gesundheitsversorgung, einschließlich der Forschung zu jeder Krebsart. " +
          "Nicht dazu gehören Forschung, die sich nicht mit Gesundheit befasst, und die Erforschung der Herkunft von Bevölkerungen oder der Abstammung.",
        "Krankheitsspezifische Forschung (DUO:0000007, Code DS): nur Forschung zu den Krebsarten, die Sie auswählen. " +
          "Sie können folgende Krebsarten auswählen: Krebs (jede Art), Lungenkrebs, Brustkrebs, Prostatakrebs, Darmkrebs (kolorektales Karzinom), Bauchspeicheldrüsenkrebs, hepatozelluläres Karzinom (die häufigste Form von Leberkrebs), Hirnkrebs, Eierstockkrebs, Melanom und Lymphom. " +
          "Wenn Sie „Krebs (jede Art)“ auswählen, ist Forschung zu jeder Krebsart erlaubt. " +
          "Wenn Sie bestimmte Krebsarten auswählen, ist nur Forschung zu einer dieser Krebsarten erlaubt; Forschung zu einer anderen Krebsart oder zu Krebs im Allgemeinen ist nicht erlaubt.",
        "Die Stufen sind ineinander geschachtelt. Die allgemeine Forschungsnutzung schließt die beiden anderen Stufen ein. Gesundheitsbezogene, medizinische und biomedizinische Forschung schließt Forschung zu jeder der aufgeführten Krebsarten ein. " +
          "Krankheitsspezifische Forschung umfasst nichts über die von Ihnen ausgewählten Krebsarten hinaus.",
        "Künstliche Intelligenz. Eine Einwilligung in Forschung allein erlaubt nie, dass Ihre Daten für KI verwendet werden. Dafür gibt es zwei gesonderte Auswahlmöglichkeiten. " +
          "Training von KI-Modellen bedeutet, Ihre Daten zu verwenden, um ein Computermodell zu erstellen oder „anzulernen“, zum Beispiel ein Modell, das lernt, Tumoren auf Aufnahmen zu finden. " +
          "Validierung von KI-Modellen bedeutet, Ihre Daten zu verwenden, um zu prüfen, wie gut ein bereits erstelltes Modell funktioniert, zum Beispiel bevor es in Krankenhäusern eingesetzt oder als Medizinprodukt zertifiziert wird. " +
          "Beides ist nur erlaubt, wenn Sie es auswählen, und nur im Rahmen der Forschungsstufe, der Daten, der Empfänger und der Orte, die Sie wählen. " +
          "Wenn Sie KI-Training erlauben und außerdem gewerbliche Unternehmen zulassen, darf ein Unternehmen Ihre Daten nutzen, um ein KI-Modell zu trainieren, das es anschließend als Produkt verkauft.",
        "Erneute Kontaktaufnahme. Wenn Sie es erlauben, darf ein Projekt, das plant, Sie erneut zu kontaktieren, zum Beispiel um Sie zu einer Folgestudie einzuladen, Ihre Daten erhalten. " +
          "Wenn Sie es nicht erlauben, können Projekte, die eine erneute Kontaktaufnahme planen, Ihre Daten nicht erhalten. " +
          "Die Forschenden kennen Ihren Namen nicht; eine Kontaktaufnahme müsste daher von dem Krankenhaus vermittelt werden, bei dem Ihre Daten liegen.",
        "Befunde zu Ihrer Gesundheit. Sie können uns mitteilen, dass Sie über Befunde informiert werden möchten, die für Ihre Gesundheit von Bedeutung sein können. " +
          "Wir halten diesen Wunsch zusammen mit Ihrer Einwilligung fest. Er ändert nichts daran, welche Freigaben erlaubt sind, und er ist kein Versprechen, dass Sie über etwas informiert werden. " +
          "Forschung mit pseudonymisierten Daten liefert selten Ergebnisse über eine einzelne Person, und solche Ergebnisse sind oft unsicher. " +
          "Ein Befund könnte Sie nur über das Krankenhaus erreichen, bei dem Ihre Daten liegen, nach den Regeln Ihres Landes.",
        "Eine Freigabe ist nur erlaubt, wenn jeder Teil der Anfrage von Ihrer Einwilligung gedeckt ist: die Daten, der Zweck, jede KI-Nutzung, die Art und das Land des Empfängers und gegebenenfalls die Kontaktaufnahme mit Ihnen. " +
          "Ist ein Teil nicht gedeckt, lautet die Antwort Nein.",
      ),
    },
    dataCategories: {
      heading: "Welche Daten Sie teilen",
      summary:
        "Sie entscheiden, welche Arten von Daten geteilt werden dürfen. " +
        "Beispiele sind CT- oder MRT-Aufnahmen, ärztliche Befundberichte, Ihre bisherigen Behandlungen oder genetische Daten. " +
        "Vor jeder Freigabe werden Ihr Name und andere Angaben, die zeigen, wer Sie sind, durch einen Code ersetzt. " +
        "Ihre nationale Identifikationsnummer wird nie weitergegeben.",
      fullText: paragraphs(
        "Sie können beliebig viele der folgenden Datenarten auswählen. Nur die Arten, die Sie auswählen, dürfen freigegeben werden; eine Freigabe, die mehrere Arten umfasst, ist nur erlaubt, wenn Sie jede einzelne davon ausgewählt haben.",
        "Medizinische Bilder, nach Art: " +
          "CT-Aufnahmen (Computertomografie); " +
          "MRT-Aufnahmen (Magnetresonanztomografie); " +
          "PET-Aufnahmen (Positronen-Emissions-Tomografie); " +
          "Mammografien (Röntgenaufnahmen der Brust); " +
          "Ultraschallbilder; " +
          "Röntgenaufnahmen (Radiografien) außer Mammografien; und " +
          "digitale Pathologie-Präparate (eingescannte Mikroskopbilder von Gewebeproben, etwa aus Biopsien). " +
          "Zu den Bildern gehören technische Angaben darüber, wie sie aufgenommen wurden, etwa das Datum, das Gerät und seine Einstellungen.",
        "Befundberichte: radiologische Befundberichte (der schriftliche ärztliche Bericht zur Auswertung Ihrer Aufnahmen) und pathologische Befundberichte (der schriftliche Bericht über Ihre Gewebeproben, einschließlich Art und Stadium eines Tumors).",
        "Krankengeschichte: Ihre Diagnosen, relevante frühere Erkrankungen und Gesundheitsprobleme sowie grundlegende Angaben wie Ihr Alter, Ihr Geschlecht, Ihre Größe und Ihr Gewicht.",
        "Behandlung und Verlauf: die Behandlungen, die Sie erhalten haben, etwa Operationen, Strahlentherapie, Chemotherapie und andere Medikamente, wie sich Ihre Erkrankung entwickelt hat und, soweit erfasst, Angaben zum Überleben.",
        "Genomische Daten: Informationen aus der DNA, die aus Ihrem Tumor, aus Ihrer eigenen vererbten DNA oder aus beiden stammen können. " +
          "Vererbte DNA kann etwas über Ihre Blutsverwandten aussagen, nicht nur über Sie, und sie lässt sich nicht wirklich anonymisieren. Bedenken Sie das, bevor Sie diese Datenart auswählen.",
        "Vor jeder Freigabe pseudonymisiert der Bilddatenknoten die Daten (Artikel 4 Nummer 5 DSGVO): Er entfernt Ihren Namen, Ihre Anschrift, Ihre nationale Identifikationsnummer und andere direkt identifizierende Angaben aus den Bildern, ihren technischen Angaben und den Berichten und ersetzt sie durch einen Code. " +
          "Pseudonymisierte Daten sind weiterhin personenbezogene Daten. Wer über zusätzliche Informationen verfügt, könnte in manchen Fällen herausfinden, zu wem sie gehören, zum Beispiel anhand einer Aufnahme des Kopfes oder anhand genetischer Daten. " +
          "Deshalb sind Empfänger verpflichtet, niemals zu versuchen, Sie zu identifizieren, wie unter „Wer Ihre Daten erhalten darf“ erläutert.",
        "Ihre nationale Identifikationsnummer wird niemals an Empfänger weitergegeben. " +
          "Donum selbst speichert sie nicht: Wenn Sie sich anmelden oder wenn ein Krankenhaus zu Ihnen anfragt, wird die Nummer sofort in einen geheimen Code umgewandelt (einen kryptografischen Hashwert mit geheimem Schlüssel), und die Nummer selbst wird verworfen. " +
          "Donum verwahrt keine Bilder, Berichte oder Krankenunterlagen.",
      ),
    },
    recipients: {
      heading: "Wer Ihre Daten erhalten darf",
      summary:
        "Sie entscheiden, welche Arten von Organisationen Ihre Daten nutzen dürfen. " +
        "Das können öffentliche Forschungseinrichtungen, gemeinnützige Organisationen oder Unternehmen sein. " +
        "Jedes Projekt wird geprüft, bevor es Daten erhält. " +
        "Empfänger dürfen niemals versuchen herauszufinden, wer Sie sind.",
      fullText: paragraphs(
        "Sie können eine oder mehrere von drei Arten von Empfängern zulassen. " +
          "Öffentliche Forschungseinrichtungen: Universitäten, öffentliche Krankenhäuser, öffentliche Forschungsinstitute und andere öffentliche Stellen, die Forschung betreiben. " +
          "Gemeinnützige Organisationen: Stiftungen, Wohltätigkeitsorganisationen, Patientenorganisationen und andere Einrichtungen ohne Erwerbszweck, die Forschung betreiben. " +
          "Gewerbliche Unternehmen: Unternehmen mit Erwerbszweck, zum Beispiel Unternehmen, die medizinische Software, KI-Werkzeuge, Medizinprodukte oder Arzneimittel entwickeln.",
        "Wenn Sie gewerbliche Unternehmen nicht zulassen, erhält kein gewerbliches Unternehmen Ihre Daten: Sie dürfen dann nur von öffentlichen und gemeinnützigen Einrichtungen genutzt werden (in der Sprache der DUO: ausschließlich Nutzung ohne Erwerbszweck).",
        "Jede Anfrage zur Freigabe von Daten nennt die empfangende Organisation und gibt deren Art und das Land an, in dem sie niedergelassen ist. " +
          "Donum prüft beides anhand Ihrer Entscheidungen, bevor es antwortet. " +
          "In der Ansicht „Wer hat nach mir gefragt?“, die unter „Ihre Rechte“ beschrieben ist, sehen Sie den Namen jedes Empfängers, der in einer Anfrage zu Ihnen genannt wurde.",
        "Bevor ein Empfänger Daten erhalten kann, muss sein Projekt genehmigt werden. " +
          "Sobald die Vorschriften der Verordnung über den Europäischen Gesundheitsdatenraum (Verordnung (EU) 2025/327) zur Sekundärnutzung gelten, darf ein Empfänger nur aufgrund einer Datengenehmigung, die eine Zugangsstelle für Gesundheitsdaten erteilt hat (Artikel 68), und nur im Rahmen der Bedingungen dieser Genehmigung auf die Daten zugreifen. " +
          "Jeder Empfänger muss außerdem mit dem Verbund eine Vereinbarung unterzeichnen, die die Nutzung der Daten auf das genehmigte Projekt beschränkt.",
        "Empfänger dürfen die Personen, auf die sich die Daten beziehen, weder re-identifizieren noch dies versuchen (Artikel 61 Absatz 3 der Verordnung (EU) 2025/327). " +
          "Sie dürfen die Daten an niemanden weitergeben, der nicht in ihrer Genehmigung oder Vereinbarung genannt ist. " +
          "Sie dürfen sie nicht nutzen, um Entscheidungen über Sie zu treffen, nicht für Werbung oder Marketing und für keine Nutzung, die gesetzlich verboten ist.",
      ),
    },
    processingLocation: {
      heading: "Wohin Ihre Daten gelangen dürfen",
      summary:
        "Sie entscheiden, wo die Organisationen, die Ihre Daten erhalten, ihren Sitz haben dürfen. " +
        "Sie können ausschließlich in der EU und im EWR sitzen, zu dem zusätzlich Island, Liechtenstein und Norwegen gehören. " +
        "Oder sie dürfen auch in Ländern sitzen, denen die EU einen guten Datenschutz bescheinigt hat. " +
        "Wir prüfen das Land jedes Empfängers.",
      fullText: paragraphs(
        "Diese Auswahl betrifft das Land, in dem die empfangende Organisation niedergelassen ist, wie es in jeder Anfrage zur Freigabe von Daten angegeben wird. Donum prüft dieses Land anhand Ihrer Auswahl, bevor es antwortet.",
        "Nur EU und EWR: Empfänger, die in einem Mitgliedstaat der Europäischen Union oder in Island, Liechtenstein oder Norwegen (den übrigen Ländern des Europäischen Wirtschaftsraums) niedergelassen sind. " +
          "Beide Optionen umfassen Empfänger in diesen Ländern.",
        "EU und EWR sowie Länder mit Angemessenheitsbeschluss: zusätzlich Empfänger, die in einem Land niedergelassen sind, für das die Europäische Kommission nach Artikel 45 DSGVO beschlossen hat, dass es ein angemessenes Schutzniveau für personenbezogene Daten gewährleistet. " +
          "Für dieses Formular sind das: Andorra, Argentinien, die Färöer, Guernsey, Israel, die Insel Man, Japan, Jersey, Neuseeland, die Republik Korea, die Schweiz, das Vereinigte Königreich und Uruguay. " +
          "Kanada und die Vereinigten Staaten sind nicht eingeschlossen, denn ihre Beschlüsse gelten nur für bestimmte Organisationen, und Donum kann nicht prüfen, für welche.",
        "Wenn die Kommission einen Beschluss für eines dieser Länder aufhebt oder aussetzt, werden die Freigaben an Empfänger dort eingestellt. " +
          "Ein Land, das später einen Beschluss erhält, ist erst erfasst, wenn wir eine neue Version dieses Formulars veröffentlichen und Sie ihr zustimmen.",
        "Ein Empfänger außerhalb von EU und EWR bleibt an seine Genehmigung oder Vereinbarung gebunden, und jede Weiterübermittlung der Daten muss die Bedingungen von Kapitel V DSGVO erfüllen.",
        "Donum selbst speichert die Aufzeichnungen zu Ihrer Einwilligung ausschließlich in der Europäischen Union und im Europäischen Wirtschaftsraum.",
      ),
    },
    retention: {
      heading: "Wie lange Daten aufbewahrt werden",
      summary:
        "Empfänger dürfen Ihre Daten nur so lange aufbewahren, wie ihr genehmigtes Projekt sie braucht. " +
        "Danach müssen sie die Daten löschen. " +
        "Wir bewahren die Aufzeichnungen über Ihre Entscheidungen und über jede Anfrage zu Ihnen auf, solange Ihre Einwilligung besteht. " +
        "Nach ihrem Ende bewahren wir sie noch zehn Jahre auf.",
      fullText: paragraphs(
        "Ihre Einwilligung gilt, bis Sie sie widerrufen, oder bis zu dem Datum, das Sie bei der Erteilung wählen. " +
          "An diesem Datum endet sie von selbst, und danach ist keine Freigabe mehr erlaubt, es sei denn, Sie willigen erneut ein.",
        "Empfänger dürfen die Daten, die sie erhalten, nur so lange aufbewahren, wie ihr genehmigtes Projekt sie braucht, und nur innerhalb des Zeitraums, der in ihrer Datengenehmigung oder Vereinbarung festgelegt ist. " +
          "Am Ende dieses Zeitraums müssen sie die Daten löschen; haben sie in einer sicheren Verarbeitungsumgebung gearbeitet, endet stattdessen ihr Zugang. " +
          "Die Ergebnisse ihrer Forschung, etwa Veröffentlichungen, zusammengefasste Statistiken und trainierte KI-Modelle, dürfen sie behalten.",
        "Donum speichert: den geheimen Code, der für Sie steht (niemals Ihre nationale Identifikationsnummer); jede Fassung Ihrer Entscheidungen mit der Formularversion und der Sprache, die Ihnen angezeigt wurden, dem Fingerabdruck (Hashwert) des genauen Textes, dem Sie zugestimmt haben, sowie dem Zeitpunkt und der Art, wie Sie zugestimmt haben; " +
          "und eine Aufzeichnung jeder Anfrage zu Ihnen: welcher Bilddatenknoten angefragt hat, wann, für welche Daten, welchen Zweck und welchen Empfänger, und wie die Antwort lautete. " +
          "Diese Aufzeichnungen bilden einen Prüfpfad, in dem jede nachträgliche Veränderung erkennbar wäre und den Aufsichtsbehörden überprüfen können.",
        "Wir bewahren diese Aufzeichnungen auf, solange Ihre Einwilligung besteht, und noch zehn Jahre, nachdem sie durch Widerruf, Ablauf oder Widerspruch (Opt-out) geendet hat. " +
          "Wir brauchen sie, um nachzuweisen, wozu Sie eingewilligt haben und was auf dieser Grundlage freigegeben wurde (Artikel 7 Absatz 1 DSGVO), um die nach Artikel 20 des Daten-Governance-Rechtsakts vorgeschriebenen Aufzeichnungen zu führen und um Rechtsansprüche geltend zu machen oder zu verteidigen; zehn Jahre entsprechen der allgemeinen Verjährungsfrist für Rechtsansprüche in Belgien, wo Donum niedergelassen ist. " +
          "Nach Ablauf dieses Zeitraums löschen wir die Aufzeichnungen über Sie. Es bleiben nur die kryptografischen Fingerabdrücke, die nötig sind, damit der Prüfpfad überprüfbar bleibt.",
      ),
    },
    withdrawal: {
      heading: "Wie Sie Ihre Entscheidung ändern können",
      summary:
        "Sie können Ihre Einwilligung jederzeit widerrufen, mit einem einzigen Schritt und kostenlos. " +
        "Ab dann werden keine neuen Daten über Sie freigegeben. " +
        "Forschung, die bereits mit zuvor geteilten Daten durchgeführt wurde, kann nicht rückgängig gemacht werden.",
      fullText: paragraphs(
        "Sie können Ihre Einwilligung jederzeit ohne Angabe von Gründen und kostenlos mit einem einzigen Schritt in Ihrem Donum-Konto widerrufen. " +
          "Sie können uns auch bitten, sie für Sie zu widerrufen, indem Sie an contact@donum.example.org schreiben. " +
          "Der Widerruf ist so einfach wie die Erteilung der Einwilligung (Artikel 7 Absatz 3 DSGVO; Artikel 21 Absatz 3 des Daten-Governance-Rechtsakts).",
        "Jede Freigabe Ihrer Daten wird zuerst bei Donum geprüft. " +
          "Ab dem Moment, in dem Ihr Widerruf erfasst ist, lautet die Antwort bei jeder Prüfung Nein, sodass keine neuen Daten über Sie freigegeben werden. " +
          "Wir benachrichtigen außerdem die Bilddatenknoten über Ihren Widerruf.",
        "Der Widerruf berührt nicht die Rechtmäßigkeit dessen, was vor dem Widerruf aufgrund Ihrer Einwilligung geschehen ist (Artikel 7 Absatz 3 DSGVO). " +
          "Er kann bereits durchgeführte Forschung, bereits veröffentlichte Ergebnisse oder KI-Modelle, die bereits mit Ihren Daten trainiert oder validiert wurden, nicht rückgängig machen; ein trainiertes Modell kann nicht dazu gebracht werden, die Daten zu vergessen, aus denen es gelernt hat. " +
          "Donum kann Daten, die bereits freigegeben wurden, weder zurückholen noch löschen. " +
          "Ein Empfänger, der Ihre Daten noch hat, darf sie nur weiter nutzen, wenn ihm das Gesetz dafür eine andere Grundlage als Ihre Einwilligung gibt.",
        "Sie können Ihre Auswahl auch jederzeit ändern, zum Beispiel um KI-Nutzungen oder gewerbliche Empfänger auszuschließen oder um weniger Daten zu teilen. " +
          "Jede Änderung gilt auf dieselbe Weise ab der nächsten Prüfung.",
        "Wenn Sie ein Enddatum gewählt haben, endet Ihre Einwilligung an diesem Datum von selbst. " +
          "Nach einem Widerruf oder einem Enddatum können Sie erneut einwilligen; die neue Einwilligung gilt ab diesem Zeitpunkt.",
        "Der Widerspruch gegen jede Sekundärnutzung im Rahmen des Europäischen Gesundheitsdatenraums ist ein eigenständiges Recht. Der Widerruf dieser Einwilligung beendet nur diese Einwilligung. " +
          "Nach Artikel 71 der Verordnung über den Europäischen Gesundheitsdatenraum (Verordnung (EU) 2025/327) haben Sie außerdem das Recht, jederzeit und ohne Angabe von Gründen der Sekundärnutzung Ihrer elektronischen Gesundheitsdaten nach dieser Verordnung zu widersprechen (Opt-out), also ihrer Nutzung ohne Ihre Einwilligung für Zwecke wie Forschung, Innovation und Politikgestaltung, die über die Zugangsstellen für Gesundheitsdaten ermöglicht wird. " +
          "Ihr Mitgliedstaat muss dafür einen einfachen Weg vorsehen, und Sie können den Widerspruch rückgängig machen. Das Recht des Mitgliedstaats kann begrenzte Ausnahmen für bestimmte Zwecke im öffentlichen Interesse vorsehen.",
        "Sie können auch in Donum einen Widerspruch (Opt-out) erfassen. Er beendet diese Einwilligung, jede Prüfung ergibt danach ein Nein, und er bleibt bestehen, bis Sie erneut einwilligen. " +
          "Ein in Donum erfasster Widerspruch gilt für Freigaben über Donum; um der Sekundärnutzung über die Zugangsstellen für Gesundheitsdaten zu widersprechen, nutzen Sie das Widerspruchsverfahren Ihres Mitgliedstaats.",
      ),
    },
    rights: {
      heading: "Ihre Rechte",
      summary:
        "Sie können Ihre Daten einsehen, berichtigen, löschen oder einschränken lassen und eine Kopie erhalten. " +
        "Sie können jede Anfrage sehen, die zu Ihnen gestellt wurde. " +
        "Sie können einen Beleg über Ihre Einwilligung herunterladen. " +
        "Wenn Sie unzufrieden sind, können Sie sich bei einer Datenschutzbehörde beschweren.",
      fullText: paragraphs(
        "Nach der DSGVO haben Sie das Recht, " +
          "Auskunft über Ihre personenbezogenen Daten und eine Kopie davon zu erhalten (Artikel 15); " +
          "unrichtige Daten berichtigen zu lassen (Artikel 16); " +
          "Ihre Daten löschen zu lassen (Artikel 17); " +
          "die Einschränkung ihrer Verarbeitung zu verlangen (Artikel 18); " +
          "die Daten, die Sie bereitgestellt haben, in einem strukturierten, maschinenlesbaren Format zu erhalten und an eine andere Organisation übermitteln zu lassen (Datenübertragbarkeit, Artikel 20); und " +
          "einer Verarbeitung zu widersprechen, die auf einem öffentlichen Interesse oder auf berechtigten Interessen beruht, einschließlich bestimmter Verarbeitungen für die wissenschaftliche Forschung (Artikel 21). " +
          "Für die Weitergabe nach diesem Formular, die auf Ihrer Einwilligung beruht, widersprechen Sie, indem Sie Ihre Einwilligung widerrufen oder Ihre Auswahl ändern.",
        "Einige Rechte haben Grenzen. Wir können die Aufzeichnungen über Ihre Einwilligung und über die Anfragen zu Ihnen nicht löschen, solange wir sie aufbewahren müssen, wie unter „Wie lange Daten aufbewahrt werden“ erläutert (Artikel 17 Absatz 3 Buchstaben b und e DSGVO). " +
          "Empfänger haben nur pseudonymisierte Daten und können nicht erkennen, welche Daten Ihre sind; deshalb können sie einen direkt an sie gerichteten Antrag möglicherweise nicht bearbeiten (Artikel 11 DSGVO); wir helfen Ihnen, sich an die Bilddatenknoten zu wenden, die dies können.",
        "Ihr Einwilligungsbeleg: Jedes Mal, wenn Sie Ihre Einwilligung erteilen, ändern oder widerrufen, können Sie einen Beleg herunterladen, der festhält, was Sie gewählt haben, die Formularversion und die Sprache sowie den Fingerabdruck (Hashwert) des genauen Textes, dem Sie zugestimmt haben.",
        "„Wer hat nach mir gefragt?“: In Ihrem Donum-Konto sehen Sie jede Anfrage, die ein Bilddatenknoten zu Ihnen gestellt hat, mit Zeitpunkt, Knoten, Daten, Zweck, Empfänger und Antwort.",
        "Um Ihre Rechte auszuüben, nutzen Sie Ihr Donum-Konto oder schreiben Sie an unseren Datenschutzbeauftragten unter dpo@donum.example.org. " +
          "Wir antworten innerhalb eines Monats; bei komplexen Anträgen können wir diese Frist um zwei weitere Monate verlängern und teilen Ihnen die Gründe mit (Artikel 12 Absatz 3 DSGVO). " +
          "Die Ausübung Ihrer Rechte ist kostenlos.",
        "Sie haben das Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde, insbesondere in dem Mitgliedstaat, in dem Sie leben oder arbeiten oder in dem Ihrer Ansicht nach gegen das Recht verstoßen wurde (Artikel 77 DSGVO). " +
          "Die federführende Aufsichtsbehörde für Donum ist die belgische Datenschutzbehörde. " +
          "Über Donum als datenaltruistische Organisation können Sie sich auch bei der für die Registrierung datenaltruistischer Organisationen zuständigen Behörde beschweren (Artikel 27 des Daten-Governance-Rechtsakts), und Sie können vor Gericht gehen (Artikel 79 DSGVO).",
      ),
    },
  },
  choices: {
    dataCategories: {
      "imaging.ct": "CT-Aufnahmen (Computertomografie)",
      "imaging.mr": "MRT-Aufnahmen (Magnetresonanztomografie)",
      "imaging.pet": "PET-Aufnahmen (Positronen-Emissions-Tomografie)",
      "imaging.mammography": "Mammografien (Röntgenaufnahmen der Brust)",
      "imaging.ultrasound": "Ultraschallbilder",
      "imaging.radiography": "Röntgenaufnahmen (Radiografien), außer Mammografien",
      "imaging.digital-pathology": "Digitale Pathologie-Präparate (eingescannte Mikroskopbilder von Gewebeproben)",
      "report.radiology": "Radiologische Befundberichte (der schriftliche ärztliche Bericht zu Ihren Aufnahmen)",
      "report.pathology": "Pathologische Befundberichte (der schriftliche Bericht zu Ihren Gewebeproben)",
      "clinical.history": "Krankengeschichte (Diagnosen, frühere Erkrankungen, Alter, Geschlecht, Größe und Gewicht)",
      "clinical.treatment-outcomes":
        "Behandlung und Verlauf (die Behandlungen, die Sie erhalten haben, und wie sich Ihre Erkrankung entwickelt hat)",
      genomics: "Genomische Daten (Informationen aus der DNA Ihres Tumors oder aus Ihrer vererbten DNA)",
    },
    research: {
      GRU: "Jede Art von Forschung (allgemeine Forschungsnutzung, GRU)",
      HMB: "Nur gesundheitsbezogene, medizinische und biomedizinische Forschung (HMB)",
      DS: "Nur Forschung zu den von mir ausgewählten Krebsarten (krankheitsspezifisch, DS)",
    },
    diseases: {
      "MONDO:0004992": "Jede Krebsart",
      "MONDO:0008903": "Lungenkrebs",
      "MONDO:0007254": "Brustkrebs",
      "MONDO:0008315": "Prostatakrebs",
      "MONDO:0005575": "Darmkrebs (kolorektales Karzinom)",
      "MONDO:0005192": "Bauchspeicheldrüsenkrebs",
      "MONDO:0007256": "Leberkrebs (hepatozelluläres Karzinom)",
      "MONDO:0001657": "Hirnkrebs",
      "MONDO:0008170": "Eierstockkrebs",
      "MONDO:0005105": "Melanom (eine Form von Hautkrebs)",
      "MONDO:0005062": "Lymphom",
    },
    aiUses: {
      AI_TRAINING: "Training von KI-Modellen: Meine Daten dürfen genutzt werden, um Computermodelle zu erstellen (anzulernen)",
      AI_VALIDATION:
        "Testen von KI-Modellen: Meine Daten dürfen genutzt werden, um zu prüfen, wie gut ein bestehendes Computermodell funktioniert",
    },
    recipientTypes: {
      public: "Öffentliche Forschungseinrichtungen, etwa Universitäten, öffentliche Krankenhäuser und öffentliche Forschungsinstitute",
      non_profit: "Gemeinnützige Organisationen, etwa Stiftungen, Wohltätigkeitsorganisationen und Patientenorganisationen",
      commercial:
        "Gewerbliche Unternehmen, etwa Hersteller von medizinischer Software, KI-Werkzeugen, Medizinprodukten oder Arzneimitteln",
    },
    geography: {
      EU_EEA: "Nur Empfänger mit Sitz in der EU oder im EWR (die EU-Länder, Island, Liechtenstein und Norwegen)",
      EU_EEA_ADEQUACY:
        "Empfänger mit Sitz in der EU oder im EWR und auch in den in diesem Formular genannten Ländern mit Angemessenheitsbeschluss",
    },
    mayRecontact:
      "Projekte, die planen, mich über das Krankenhaus, bei dem meine Daten liegen, erneut zu kontaktieren, dürfen meine Daten nutzen",
    wantsFindings:
      "Ich möchte über Befunde informiert werden, die für meine Gesundheit von Bedeutung sein können, soweit dies möglich ist",
  },
  declaration:
    "Ich habe dieses Formular gelesen. Ich erteile meine ausdrückliche Einwilligung, dass die von mir ausgewählten Daten für die Forschung, die Nutzungen, die Empfänger, die Orte und den Zeitraum, die ich gewählt habe, wie oben beschrieben geteilt werden. " +
    "Ich weiß, dass ich meine Einwilligung jederzeit ändern oder widerrufen kann und dass dies keine Auswirkungen auf meine medizinische Versorgung hat.",
};
