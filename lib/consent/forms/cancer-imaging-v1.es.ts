/**
 * Spanish (es) text of the cancer-imaging data-altruism consent form, version 1: a translation of
 * `texts.en` in ./cancer-imaging-v1.ts, with the same modules, choices and paragraphs.
 *
 * Register: "usted", as Spanish public-health bodies write patient information. Terminology follows
 * the Spanish versions of the legal acts: Reglamento de Gobernanza de Datos (Reglamento (UE)
 * 2022/868), whose term for data altruism is "cesión altruista de datos" and whose protected label
 * is "organización reconocida de gestión de datos con fines altruistas" (the text uses the common
 * "altruismo de datos" and gives the Regulation's term where it defines it); RGPD, responsable del
 * tratamiento, delegado de protección de datos, seudonimización; Espacio Europeo de Datos de Salud
 * (the title of Regulation (EU) 2025/327 as adopted; the 2022 proposal said "Datos Sanitarios"),
 * organismo de acceso a datos de salud, permiso de datos, uso secundario. "Release" is rendered as
 * "cesión", the Spanish data-protection term. Names, codes, e-mail addresses and URLs are left
 * unchanged.
 *
 * PUBLISHED TEXT. It is hashed into the text hash that each consent given in Spanish records
 * (formTextHash in ../form.ts). Do not edit it: publish a new form version instead.
 */
import type { FormText } from "../form";

/** Paragraphs of a full text, separated by a blank line. */
const paragraphs = (...ps: string[]): string => ps.join("\n\n");

export const textEs: FormText = {
  title: "Formulario de consentimiento para el altruismo de datos de imagen oncológica",
  introduction: paragraphs(
    "Este formulario le pregunta si desea compartir datos de sus pruebas de imagen y de su historia clínica para ayudar a la investigación sobre el cáncer. " +
      "Compartirlos es una decisión que usted toma libremente. No recibirá ningún pago. " +
      "Decir que no, o decir que sí y cambiar de opinión más adelante, nunca afectará a la atención sanitaria que recibe.",
    "Usted decide qué se comparte, para qué tipo de investigación, con quién, dónde y durante cuánto tiempo. " +
      "Puede cambiar sus opciones o retirar su consentimiento en cualquier momento, en un solo paso.",
    "Cada parte de este formulario empieza con un breve resumen. El texto completo que aparece debajo de cada resumen ofrece los detalles jurídicos. " +
      "Este es un formulario europeo de consentimiento para el altruismo de datos conforme al artículo 25 del Reglamento de Gobernanza de Datos (Reglamento (UE) 2022/868). " +
      "En él se le pide su consentimiento explícito con arreglo al artículo 6, apartado 1, letra a), al artículo 7 y al artículo 9, apartado 2, letra a), del Reglamento General de Protección de Datos (Reglamento (UE) 2016/679, «RGPD»).",
  ),
  modules: {
    objectives: {
      heading: "Por qué se lo pedimos: investigación de interés general",
      summary:
        "Sus imágenes médicas pueden ayudar a los médicos a detectar el cáncer antes y a tratarlo mejor. " +
        "Los investigadores aprenden de las imágenes de muchas personas. " +
        "También crean y prueban herramientas informáticas, llamadas IA, que ayudan a interpretar las imágenes médicas.",
      fullText: paragraphs(
        "Donum recoge consentimientos para el altruismo de datos (en el Reglamento, «cesión altruista de datos»): el intercambio voluntario de datos, sin contraprestación, para objetivos de interés general, tal como se define en el artículo 2, punto 16, del Reglamento de Gobernanza de Datos (Reglamento (UE) 2022/868).",
        "Los objetivos de interés general que se persiguen con los datos a los que se refiere este formulario son: " +
          "a) una detección, un diagnóstico y una estadificación del cáncer más precoces y precisos; " +
          "b) un mejor tratamiento del cáncer, lo que incluye predecir cómo responderá un tumor al tratamiento y reducir los efectos secundarios; " +
          "c) el desarrollo, el entrenamiento, la validación y el seguimiento de métodos de inteligencia artificial (IA) que analizan imágenes médicas, para que sean precisos, seguros y justos para todos los pacientes; " +
          "d) la salud pública, lo que incluye comprender cómo afecta el cáncer a distintos grupos de personas y evaluar los programas de cribado; y " +
          "e) la investigación científica que depende de colecciones amplias y diversas de imágenes médicas y datos relacionados, realizada con las garantías del artículo 89 del RGPD.",
        "Sus datos solo se ceden para investigación, y solo dentro de las opciones que usted elija en este formulario. " +
          "Los destinatarios no pueden utilizarlos para tomar decisiones sobre usted como persona, como decisiones sobre seguros, empleo o crédito, ni con fines de publicidad o marketing. " +
          "Donum no vende datos.",
        "Compartir es voluntario. No recibirá ningún pago ni otra recompensa. " +
          "Que usted dé, limite o retire este consentimiento no influye en la atención sanitaria que recibe, ni ahora ni en el futuro.",
      ),
    },
    organisation: {
      heading: "Quiénes somos y cómo contactar con nosotros",
      summary:
        "Somos Donum, una organización de altruismo de datos sin ánimo de lucro registrada en la UE. " +
        "Guardamos un registro de sus decisiones. " +
        "Antes de que un hospital comparta sus datos, debe preguntarnos qué ha autorizado usted. " +
        "Puede escribirnos a nosotros o a nuestro delegado de protección de datos en cualquier momento.",
      fullText: paragraphs(
        "Este formulario lo ofrece la European Cancer Imaging Data Altruism Federation (Donum), Rue de l'Exemple 1, 1000 Bruselas, Bélgica. " +
          "Donum es una organización reconocida de gestión de datos con fines altruistas, inscrita en el registro público con el número BE-DAO-2026-0001 (artículos 17 a 19 del Reglamento de Gobernanza de Datos). " +
          "Como exige el Reglamento, Donum es una persona jurídica sin ánimo de lucro, jurídicamente independiente de cualquier entidad con ánimo de lucro, y realiza sus actividades de altruismo de datos a través de una estructura funcionalmente separada de todas sus demás actividades.",
        "Donum no guarda sus imágenes ni su historia clínica. Permanecen en los hospitales y centros de diagnóstico por imagen que las generaron, que participan en la federación a través de pasarelas seguras llamadas nodos de imagen. " +
          "Donum custodia su consentimiento: las opciones que usted elige en este formulario y cada cambio que haga en ellas. " +
          "Antes de que un nodo de imagen ceda cualquiera de sus datos, debe preguntar a Donum si su consentimiento permite esa cesión, y conserva como prueba la respuesta firmada de Donum.",
        "Donum es el responsable del tratamiento, en el sentido del RGPD, de los datos personales que trata para registrar su consentimiento y responder a esas solicitudes. " +
          "Cada nodo de imagen es el responsable del tratamiento de los datos que conserva y cede. " +
          "Cada destinatario es el responsable del tratamiento de los datos que recibe, para su propio proyecto.",
        "Contacto: contact@donum.example.org. Sitio web: https://donum.example.org. " +
          "Delegado de protección de datos: dpo@donum.example.org. Puede escribir a nuestro delegado de protección de datos sobre cualquier asunto relacionado con sus datos o sus derechos.",
        "Donum lleva un registro de las organizaciones que han recibido datos a través de la federación, de las fechas y la duración del tratamiento y de sus fines, y publica un informe anual de actividad, tal como exige el artículo 20 del Reglamento de Gobernanza de Datos.",
      ),
    },
    purposes: {
      heading: "Para qué se pueden usar sus datos",
      summary:
        "Usted decide el alcance de la investigación. " +
        "Puede ser cualquier investigación, solo investigación en salud o solo investigación sobre los tipos de cáncer que usted elija. " +
        "Para entrenar o probar IA, necesitamos que usted diga que sí por separado. " +
        "Una opción más amplia incluye las más limitadas.",
      fullText: paragraphs(
        "Cada solicitud de cesión de datos indica un fin de investigación, codificado con la GA4GH Data Use Ontology (DUO), el vocabulario que utiliza el catálogo de la federación. " +
          "Sus datos solo se ceden si ese fin está dentro del nivel de investigación que usted elija. Hay tres niveles.",
        "Uso para investigación general (DUO:0000042, código GRU): investigación con cualquier fin. " +
          "Incluye la investigación en salud, médica y biomédica, y también otras investigaciones, como la biología fundamental, el desarrollo de métodos estadísticos e informáticos y el estudio del origen de las poblaciones o de la ascendencia.",
        "Investigación en salud, médica y biomédica (DUO:0000006, código HMB): investigación sobre la salud, las enfermedades, la medicina y la asistencia sanitaria, incluida la investigación sobre cualquier tipo de cáncer. " +
          "No incluye la investigación que no trate sobre la salud, ni el estudio del origen de las poblaciones o de la ascendencia.",
        "Investigación específica de una enfermedad (DUO:0000007, código DS): solo investigación sobre los tipos de cáncer que usted seleccione. " +
          "Los tipos de cáncer que puede seleccionar son: cáncer (cualquiera), cáncer de pulmón, cáncer de mama, cáncer de próstata, cáncer colorrectal, cáncer de páncreas, carcinoma hepatocelular (el tipo más frecuente de cáncer de hígado), cáncer cerebral, cáncer de ovario, melanoma y linfoma. " +
          "Si selecciona «cáncer (cualquiera)», se permite la investigación sobre cualquier tipo de cáncer. " +
          "Si selecciona tipos de cáncer concretos, solo se permite la investigación sobre alguno de ellos; la investigación sobre otro tipo de cáncer, o sobre el cáncer en general, no se permite.",
        "Los niveles están incluidos unos en otros. El uso para investigación general incluye los otros dos niveles. La investigación en salud, médica y biomédica incluye la investigación sobre cualquiera de los tipos de cáncer de la lista. " +
          "La investigación específica de una enfermedad no incluye nada más allá de los tipos de cáncer que usted seleccione.",
        "Inteligencia artificial. El consentimiento para investigación, por sí solo, nunca permite usar sus datos para IA. Hay dos opciones independientes. " +
          "El entrenamiento de modelos de IA consiste en usar sus datos para construir, o «enseñar», un modelo informático, por ejemplo uno que aprende a encontrar tumores en las imágenes. " +
          "La validación de modelos de IA consiste en usar sus datos para comprobar lo bien que funciona un modelo ya construido, por ejemplo antes de utilizarlo en hospitales o de certificarlo como producto sanitario. " +
          "Cada una solo se permite si usted la elige, y solo dentro del nivel de investigación, los datos, los destinatarios y los lugares que usted elija. " +
          "Si permite el entrenamiento de IA y también permite empresas comerciales, una empresa puede usar sus datos para entrenar un modelo de IA que después venda como producto.",
        "Nuevo contacto. Si usted lo permite, un proyecto que tenga previsto volver a contactar con usted, por ejemplo para invitarle a un estudio de seguimiento, puede recibir sus datos. " +
          "Si no lo permite, los proyectos que tengan previsto volver a contactar con usted no pueden recibir sus datos. " +
          "Los investigadores no conocen su nombre, por lo que cualquier contacto tendría que organizarlo el hospital que conserva sus datos.",
        "Hallazgos sobre su salud. Puede indicarnos que desea que se le informe de hallazgos que puedan ser importantes para su salud. " +
          "Registramos este deseo junto con su consentimiento. No cambia qué cesiones están permitidas, y no es una promesa de que se le vaya a informar de nada. " +
          "La investigación con datos seudonimizados rara vez produce resultados sobre una persona concreta, y esos resultados suelen ser inciertos. " +
          "Un hallazgo solo podría llegarle a través del hospital que conserva sus datos, según las normas de su país.",
        "Una cesión solo se permite si cada parte de la solicitud está cubierta por su consentimiento: los datos, el fin, cualquier uso de IA, el tipo y el país del destinatario y, cuando proceda, el contacto con usted. " +
          "Si alguna parte no está cubierta, la respuesta es no.",
      ),
    },
    dataCategories: {
      heading: "Qué datos comparte",
      summary:
        "Usted elige qué tipos de datos se pueden compartir. " +
        "Por ejemplo, un TAC o una resonancia magnética, informes médicos, su historial de tratamientos o datos genéticos. " +
        "Antes de cualquier cesión, su nombre y otros datos que revelan quién es usted se sustituyen por un código. " +
        "Su número de identificación nacional nunca se comparte.",
      fullText: paragraphs(
        "Puede elegir uno o varios de los siguientes tipos de datos. Solo se pueden ceder los tipos que usted elija; una cesión que incluya varios tipos solo se permite si usted los eligió todos.",
        "Imágenes médicas, por tipo: " +
          "tomografías computarizadas (TC o TAC); " +
          "resonancias magnéticas (RM); " +
          "PET (tomografía por emisión de positrones); " +
          "mamografías (radiografías de la mama); " +
          "ecografías; " +
          "radiografías (imágenes de rayos X) distintas de las mamografías; y " +
          "preparaciones de patología digital (imágenes escaneadas al microscopio de muestras de tejido, como biopsias). " +
          "Las imágenes van acompañadas de información técnica sobre cómo se obtuvieron, como la fecha, el equipo y su configuración.",
        "Informes: informes de radiología (el informe escrito del médico que interpretó sus imágenes) e informes de anatomía patológica (el informe escrito sobre sus muestras de tejido, incluidos el tipo y el estadio de un tumor).",
        "Antecedentes clínicos: sus diagnósticos, enfermedades y afecciones anteriores relevantes, e información básica como su edad, sexo, estatura y peso.",
        "Tratamiento y evolución: los tratamientos que ha recibido, como cirugía, radioterapia, quimioterapia y otros medicamentos, cómo ha evolucionado su enfermedad y, cuando conste, la supervivencia.",
        "Datos genómicos: información obtenida del ADN, que puede proceder de su tumor, de su propio ADN heredado o de ambos. " +
          "El ADN heredado puede revelar algo sobre sus familiares consanguíneos, además de sobre usted, y no se puede hacer verdaderamente anónimo. Piénselo antes de elegirlo.",
        "Antes de cualquier cesión, el nodo de imagen seudonimiza los datos (artículo 4, punto 5, del RGPD): elimina su nombre, su dirección, su número de identificación nacional y otros identificadores directos de las imágenes, de su información técnica y de los informes, y los sustituye por un código. " +
          "Los datos seudonimizados siguen siendo datos personales. Alguien con información adicional podría, en algunos casos, averiguar a quién pertenecen, por ejemplo a partir de una imagen de la cabeza o de datos genéticos. " +
          "Por eso los destinatarios están obligados a no intentar nunca identificarle, como se explica en «Quién puede recibir sus datos».",
        "Su número de identificación nacional nunca se comparte con los destinatarios. " +
          "El propio Donum no lo almacena: cuando usted inicia sesión, o cuando un hospital pregunta por usted, el número se convierte de inmediato en un código secreto (un hash criptográfico con clave secreta) y el número en sí se descarta. " +
          "Donum no conserva imágenes, informes ni historias clínicas.",
      ),
    },
    recipients: {
      heading: "Quién puede recibir sus datos",
      summary:
        "Usted elige qué tipos de organizaciones pueden usar sus datos. " +
        "Pueden ser organismos públicos de investigación, organizaciones sin ánimo de lucro o empresas. " +
        "Cada proyecto se revisa antes de recibir ningún dato. " +
        "Los destinatarios nunca deben intentar averiguar quién es usted.",
      fullText: paragraphs(
        "Puede permitir uno o varios de los tres tipos de destinatarios. " +
          "Organismos públicos de investigación: universidades, hospitales públicos, institutos públicos de investigación y otros organismos públicos que investigan. " +
          "Organizaciones sin ánimo de lucro: fundaciones, organizaciones benéficas, asociaciones de pacientes y otras entidades sin ánimo de lucro que investigan. " +
          "Empresas comerciales: empresas con ánimo de lucro, por ejemplo, empresas que desarrollan software médico, herramientas de IA, productos sanitarios o medicamentos.",
        "Si no permite empresas comerciales, ninguna empresa comercial recibe sus datos: solo pueden utilizarlos organismos públicos y entidades sin ánimo de lucro (en términos de DUO, solo uso sin ánimo de lucro).",
        "Cada solicitud de cesión de datos indica la organización destinataria, su tipo y el país en el que está establecida. " +
          "Donum contrasta ambos aspectos con sus opciones antes de responder. " +
          "En la vista «Quién ha preguntado por mí», descrita en «Sus derechos», puede ver el nombre de cada destinatario mencionado en una solicitud sobre usted.",
        "Antes de que un destinatario pueda recibir datos, su proyecto debe ser aprobado. " +
          "Una vez que se apliquen las normas sobre uso secundario del Reglamento del Espacio Europeo de Datos de Salud (Reglamento (UE) 2025/327), un destinatario solo podrá acceder a los datos con un permiso de datos expedido por un organismo de acceso a datos de salud (artículo 68) y dentro de las condiciones de ese permiso. " +
          "Además, cada destinatario debe firmar con la federación un acuerdo que limita el uso de los datos al proyecto aprobado.",
        "Los destinatarios no deben reidentificar, ni intentar reidentificar, a las personas a las que se refieren los datos (artículo 61, apartado 3, del Reglamento (UE) 2025/327). " +
          "No deben facilitar los datos a nadie que no figure en su permiso o acuerdo. " +
          "No deben utilizarlos para tomar decisiones sobre usted, con fines de publicidad o marketing, ni para ningún uso que prohíba la ley.",
      ),
    },
    processingLocation: {
      heading: "Adónde pueden ir sus datos",
      summary:
        "Usted elige dónde pueden tener su sede las organizaciones que reciben sus datos. " +
        "Pueden estar solo en la UE y el EEE, que añade Islandia, Liechtenstein y Noruega. " +
        "O también en países que, según la UE, protegen bien los datos. " +
        "Comprobamos el país de cada destinatario.",
      fullText: paragraphs(
        "Esta opción se refiere al país en el que está establecida la organización destinataria, tal como se indica en cada solicitud de cesión de datos. Donum contrasta ese país con su elección antes de responder.",
        "Solo UE y EEE: destinatarios establecidos en un Estado miembro de la Unión Europea, o en Islandia, Liechtenstein o Noruega (los demás países del Espacio Económico Europeo). " +
          "Ambas opciones incluyen a los destinatarios de estos países.",
        "UE y EEE, y países con decisión de adecuación: además, destinatarios establecidos en un país respecto del cual la Comisión Europea ha decidido, con arreglo al artículo 45 del RGPD, que garantiza un nivel de protección adecuado de los datos personales. " +
          "Para este formulario, esos países son: Andorra, Argentina, las Islas Feroe, Guernsey, Israel, la Isla de Man, Japón, Jersey, Nueva Zelanda, la República de Corea, Suiza, el Reino Unido y Uruguay. " +
          "Canadá y Estados Unidos no están incluidos: sus decisiones solo abarcan a determinadas organizaciones, y Donum no puede comprobar a cuáles.",
        "Si la Comisión deroga o suspende la decisión relativa a uno de estos países, se interrumpen las cesiones a destinatarios de ese país. " +
          "Un país que obtenga una decisión más adelante solo quedará incluido cuando publiquemos una nueva versión de este formulario y usted la acepte.",
        "Un destinatario de fuera de la UE y del EEE sigue obligado por su permiso o acuerdo, y cualquier transferencia ulterior de los datos debe cumplir las condiciones del capítulo V del RGPD.",
        "El propio Donum conserva el registro de su consentimiento únicamente en la Unión Europea y el Espacio Económico Europeo.",
      ),
    },
    retention: {
      heading: "Cuánto tiempo se conservan los datos",
      summary:
        "Los destinatarios solo pueden conservar sus datos mientras su proyecto aprobado los necesite. " +
        "Después deben eliminarlos. " +
        "Conservamos el registro de sus decisiones, y de cada solicitud sobre usted, mientras dure su consentimiento. " +
        "Cuando este termine, lo conservamos diez años más.",
      fullText: paragraphs(
        "Su consentimiento dura hasta que usted lo retire o hasta la fecha que elija al darlo. " +
          "En esa fecha termina por sí solo, y después no se permite ninguna cesión salvo que usted vuelva a dar su consentimiento.",
        "Los destinatarios solo pueden conservar los datos que reciben mientras su proyecto aprobado los necesite, dentro del plazo fijado en su permiso de datos o acuerdo. " +
          "Al final de ese plazo deben eliminarlos o, si trabajaron en un entorno de tratamiento seguro, su acceso termina. " +
          "Pueden conservar los resultados de su investigación, como publicaciones, estadísticas agregadas y modelos de IA entrenados.",
        "Donum conserva: el código secreto que le representa (nunca su número de identificación nacional); cada versión de sus decisiones, con la versión del formulario y el idioma que se le mostraron, la huella (hash) del texto exacto que aceptó, y el momento y la forma en que dio su consentimiento; " +
          "y un registro de cada solicitud hecha sobre usted: qué nodo de imagen preguntó, cuándo, para qué datos, fin y destinatario, y cuál fue la respuesta. " +
          "Estos registros forman una pista de auditoría en la que cualquier manipulación sería detectable y que las autoridades reguladoras pueden comprobar.",
        "Conservamos estos registros mientras exista su consentimiento y durante diez años después de que termine por retirada, vencimiento o exclusión voluntaria (opt-out). " +
          "Los necesitamos para demostrar lo que usted aceptó y lo que se cedió sobre esa base (artículo 7, apartado 1, del RGPD), para llevar los registros que exige el artículo 20 del Reglamento de Gobernanza de Datos y para la formulación o la defensa de reclamaciones; diez años es el plazo general de prescripción de las acciones judiciales en Bélgica, donde Donum está establecido. " +
          "Transcurrido ese plazo, eliminamos los registros sobre usted. Solo se conservan las huellas criptográficas necesarias para que la pista de auditoría siga siendo verificable.",
      ),
    },
    withdrawal: {
      heading: "Cómo cambiar de opinión",
      summary:
        "Puede retirar su consentimiento en cualquier momento, en un solo paso y de forma gratuita. " +
        "A partir de ese momento, no se cede ningún dato nuevo sobre usted. " +
        "La investigación ya realizada con datos compartidos antes no se puede deshacer.",
      fullText: paragraphs(
        "Puede retirar su consentimiento en cualquier momento, sin dar explicaciones y sin coste alguno, en un solo paso desde su cuenta de Donum. " +
          "También puede pedirnos que lo retiremos por usted escribiendo a contact@donum.example.org. " +
          "Retirar el consentimiento es tan fácil como darlo (artículo 7, apartado 3, del RGPD; artículo 21, apartado 3, del Reglamento de Gobernanza de Datos).",
        "Cada cesión de sus datos se consulta primero con Donum. " +
          "Desde el momento en que se registra su retirada, todas las consultas reciben un no, de modo que no se cede ningún dato nuevo sobre usted. " +
          "También notificamos su retirada a los nodos de imagen.",
        "La retirada no afecta a la licitud de lo que se hizo con su consentimiento antes de retirarlo (artículo 7, apartado 3, del RGPD). " +
          "No puede deshacer la investigación ya realizada, los resultados ya publicados ni los modelos de IA ya entrenados o validados con sus datos; no se puede hacer que un modelo entrenado olvide los datos de los que aprendió. " +
          "Donum no puede recuperar ni eliminar datos que ya se hayan cedido. " +
          "Un destinatario que todavía conserve sus datos solo puede seguir utilizándolos si la ley le otorga una base distinta de su consentimiento.",
        "También puede cambiar sus opciones en cualquier momento, por ejemplo para excluir los usos de IA o los destinatarios comerciales, o para compartir menos datos. " +
          "Cualquier cambio se aplica de la misma manera desde la siguiente consulta.",
        "Si eligió una fecha de finalización, su consentimiento termina por sí solo en esa fecha. " +
          "Tras una retirada o una fecha de finalización, puede volver a dar su consentimiento; el nuevo consentimiento se aplica a partir de ese momento.",
        "Excluirse de todo uso secundario en el marco del Espacio Europeo de Datos de Salud es un derecho distinto. Retirar este consentimiento solo pone fin a este consentimiento. " +
          "En virtud del artículo 71 del Reglamento del Espacio Europeo de Datos de Salud (Reglamento (UE) 2025/327), también tiene derecho a excluirse, en cualquier momento y sin dar explicaciones, del uso secundario de sus datos de salud electrónicos con arreglo a dicho Reglamento, es decir, de su uso sin su consentimiento para fines como la investigación, la innovación y la formulación de políticas, a través de los organismos de acceso a datos de salud. " +
          "Su Estado miembro debe ofrecerle una forma sencilla de hacerlo, y usted puede dar marcha atrás. La legislación de ese Estado puede permitir excepciones limitadas para determinados fines de interés público.",
        "También puede registrar una exclusión voluntaria (opt-out) en Donum. Pone fin a este consentimiento, a partir de entonces todas las consultas reciben un no, y se mantiene hasta que vuelva a dar su consentimiento. " +
          "La exclusión registrada en Donum se aplica a las cesiones a través de Donum; para excluirse del uso secundario a través de los organismos de acceso a datos de salud, utilice el mecanismo de exclusión de su Estado miembro.",
      ),
    },
    rights: {
      heading: "Sus derechos",
      summary:
        "Puede ver sus datos, corregirlos, pedir que se supriman o se limite su uso, y obtener una copia. " +
        "Puede ver cada solicitud que se ha hecho sobre usted. " +
        "Puede descargar un justificante de su consentimiento. " +
        "Si no está conforme, puede reclamar ante una autoridad de protección de datos.",
      fullText: paragraphs(
        "Con arreglo al RGPD, usted tiene derecho a: " +
          "acceder a sus datos personales y recibir una copia (artículo 15); " +
          "que se rectifiquen los datos inexactos (artículo 16); " +
          "que se supriman sus datos (artículo 17); " +
          "que se limite su tratamiento (artículo 18); " +
          "recibir los datos que usted facilitó en un formato estructurado y de lectura mecánica, y que se transmitan a otra organización (portabilidad de los datos, artículo 20); y " +
          "oponerse al tratamiento basado en el interés público o en intereses legítimos, incluido determinado tratamiento con fines de investigación científica (artículo 21). " +
          "Para la cesión a la que se refiere este formulario, que se basa en su consentimiento, la forma de oponerse es retirar su consentimiento o cambiar sus opciones.",
        "Algunos derechos tienen límites. No podemos suprimir el registro de su consentimiento y de las solicitudes sobre usted mientras debamos conservarlo, como se explica en «Cuánto tiempo se conservan los datos» (artículo 17, apartado 3, letras b) y e), del RGPD). " +
          "Los destinatarios solo tienen datos seudonimizados y no pueden saber qué datos son suyos, por lo que es posible que no puedan atender una solicitud que se les dirija directamente (artículo 11 del RGPD); le ayudaremos a dirigirse a los nodos de imagen, que sí pueden hacerlo.",
        "Su justificante de consentimiento: cada vez que dé, cambie o retire su consentimiento, puede descargar un justificante que recoge lo que eligió, la versión del formulario y el idioma, y la huella (hash) del texto exacto que aceptó.",
        "«Quién ha preguntado por mí»: en su cuenta de Donum puede ver cada solicitud que un nodo de imagen ha hecho sobre usted, con la hora, el nodo, los datos, el fin, el destinatario y la respuesta.",
        "Para ejercer sus derechos, utilice su cuenta de Donum o escriba a nuestro delegado de protección de datos a dpo@donum.example.org. " +
          "Respondemos en el plazo de un mes; en solicitudes complejas podemos ampliar este plazo otros dos meses y le explicaremos por qué (artículo 12, apartado 3, del RGPD). " +
          "Ejercer sus derechos es gratuito.",
        "Tiene derecho a presentar una reclamación ante una autoridad de control de protección de datos, en particular en el Estado miembro en el que resida o trabaje o en el que considere que se ha infringido la ley (artículo 77 del RGPD). " +
          "La autoridad de control principal de Donum es la Autoridad de Protección de Datos de Bélgica. " +
          "También puede reclamar contra Donum, como organización de altruismo de datos, ante la autoridad competente para el registro de organizaciones de gestión de datos con fines altruistas (artículo 27 del Reglamento de Gobernanza de Datos), y puede acudir a los tribunales (artículo 79 del RGPD).",
      ),
    },
  },
  choices: {
    dataCategories: {
      "imaging.ct": "Tomografías computarizadas (TC o TAC)",
      "imaging.mr": "Resonancias magnéticas (RM)",
      "imaging.pet": "PET (tomografía por emisión de positrones)",
      "imaging.mammography": "Mamografías (radiografías de la mama)",
      "imaging.ultrasound": "Ecografías",
      "imaging.radiography": "Radiografías (imágenes de rayos X), distintas de las mamografías",
      "imaging.digital-pathology": "Preparaciones de patología digital (imágenes escaneadas al microscopio de muestras de tejido)",
      "report.radiology": "Informes de radiología (el informe escrito del médico sobre sus imágenes)",
      "report.pathology": "Informes de anatomía patológica (el informe escrito sobre sus muestras de tejido)",
      "clinical.history": "Antecedentes clínicos (diagnósticos, enfermedades anteriores, edad, sexo, estatura y peso)",
      "clinical.treatment-outcomes":
        "Tratamiento y evolución (los tratamientos que ha recibido y cómo ha evolucionado su enfermedad)",
      genomics: "Datos genómicos (información del ADN de su tumor o de su ADN heredado)",
    },
    research: {
      GRU: "Cualquier tipo de investigación (uso para investigación general, GRU)",
      HMB: "Solo investigación en salud, médica y biomédica (HMB)",
      DS: "Solo investigación sobre los tipos de cáncer que yo seleccione (específica de una enfermedad, DS)",
    },
    diseases: {
      "MONDO:0004992": "Cualquier tipo de cáncer",
      "MONDO:0008903": "Cáncer de pulmón",
      "MONDO:0007254": "Cáncer de mama",
      "MONDO:0008315": "Cáncer de próstata",
      "MONDO:0005575": "Cáncer colorrectal (de colon y recto)",
      "MONDO:0005192": "Cáncer de páncreas",
      "MONDO:0007256": "Cáncer de hígado (carcinoma hepatocelular)",
      "MONDO:0001657": "Cáncer cerebral",
      "MONDO:0008170": "Cáncer de ovario",
      "MONDO:0005105": "Melanoma (un cáncer de piel)",
      "MONDO:0005062": "Linfoma",
    },
    aiUses: {
      AI_TRAINING: "Entrenamiento de modelos de IA: mis datos pueden usarse para construir (enseñar) modelos informáticos",
      AI_VALIDATION:
        "Prueba de modelos de IA: mis datos pueden usarse para comprobar lo bien que funciona un modelo informático ya existente",
    },
    recipientTypes: {
      public: "Organismos públicos de investigación, como universidades, hospitales públicos e institutos públicos de investigación",
      non_profit: "Organizaciones sin ánimo de lucro, como fundaciones, organizaciones benéficas y asociaciones de pacientes",
      commercial: "Empresas comerciales, como fabricantes de software médico, herramientas de IA, productos sanitarios o medicamentos",
    },
    geography: {
      EU_EEA: "Solo destinatarios con sede en la UE o el EEE (los países de la UE, Islandia, Liechtenstein y Noruega)",
      EU_EEA_ADEQUACY:
        "Destinatarios con sede en la UE o el EEE, y también en los países con decisión de adecuación indicados en este formulario",
    },
    mayRecontact:
      "Los proyectos que prevean volver a contactar conmigo, a través del hospital que conserva mis datos, pueden usar mis datos",
    wantsFindings: "Deseo que se me informe de hallazgos que puedan ser importantes para mi salud, cuando sea posible",
  },
  declaration:
    "He leído este formulario. Doy mi consentimiento explícito para que los datos que he elegido se compartan para la investigación, los usos, los destinatarios, los lugares y el período que he elegido, tal como se describe más arriba. " +
    "Sé que puedo cambiar o retirar mi consentimiento en cualquier momento, y que ello no afectará a la atención sanitaria que recibo.",
};
