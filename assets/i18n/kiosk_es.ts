<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US" sourcelanguage="en_US">
<context>
    <name>AttractView</name>
    <message>
        <source>Where does it hurt?</source>
        <translation>¿Dónde le duele?</translation>
    </message>
    <message>
        <source>Find the place on a drawing of the spine, and learn about it.</source>
        <translation>Busque el lugar en un dibujo de la columna y aprenda sobre él.</translation>
    </message>
    <message>
        <source>A drawing of the spine, from the neck down to the tailbone.</source>
        <translation>Un dibujo de la columna, desde el cuello hasta el coxis.</translation>
    </message>
    <message>
        <source>Learn about back pain</source>
        <translation>Aprenda sobre el dolor de espalda</translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation>Toque la pantalla para comenzar</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>{first}, {next}</source>
        <comment>the start of a list of choices</comment>
        <translation>{first}, {next}</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <comment>the last two of a list of choices</comment>
        <translation>{first} o {last}</translation>
    </message>
    <message>
        <source>on any day</source>
        <comment>no day chosen: we call any day</comment>
        <translation>cualquier día</translation>
    </message>
    <message>
        <source>{day}</source>
        <comment>one day in a list of days to call (&apos;el {day}&apos; in Spanish)</comment>
        <translation>el {day}</translation>
    </message>
    <message>
        <source>on {days}</source>
        <comment>the days we call: &apos;on Monday or Wednesday&apos;</comment>
        <translation>{days}</translation>
    </message>
    <message>
        <source>{time}</source>
        <comment>one time of day in a list (&apos;por la {time}&apos; in Spanish)</comment>
        <translation>por la {time}</translation>
    </message>
    <message>
        <source>in the {times}</source>
        <comment>the times we call: &apos;in the morning or afternoon&apos;</comment>
        <translation>{times}</translation>
    </message>
    <message>
        <source>We will call you at {phone} {days}, {times}, in {language}.</source>
        <translation>Le llamaremos al {phone} {days}, {times}, en {language}.</translation>
    </message>
</context>
<context>
    <name>CallbackView</name>
    <message>
        <source>We couldn&apos;t save your request. Please tell the front desk. Nothing you typed is lost.</source>
        <translation>No pudimos guardar su solicitud. Por favor, avise en la recepción. No se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>We need your first name to know who to ask for.</source>
        <translation>Necesitamos su nombre para saber por quién preguntar.</translation>
    </message>
    <message>
        <source>We need your last name to find your records.</source>
        <translation>Necesitamos su apellido para encontrar su expediente.</translation>
    </message>
    <message>
        <source>We need your phone number to call you.</source>
        <translation>Necesitamos su número de teléfono para llamarle.</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>Por favor, llene este espacio.</translation>
    </message>
    <message>
        <source>This is too long. Please make it shorter.</source>
        <translation>Es demasiado largo. Por favor, escriba menos.</translation>
    </message>
    <message>
        <source>Please use letters only.</source>
        <translation>Por favor, use solo letras.</translation>
    </message>
    <message>
        <source>This is not a full US phone number. Please check it.</source>
        <translation>Este no es un número de teléfono completo de EE. UU. Por favor, revíselo.</translation>
    </message>
    <message>
        <source>This phone number is too short. Please add the area code.</source>
        <translation>Este número de teléfono es muy corto. Por favor, agregue el código de área.</translation>
    </message>
    <message>
        <source>Please give a US phone number.</source>
        <translation>Por favor, escriba un número de teléfono de EE. UU.</translation>
    </message>
    <message>
        <source>Please choose morning, afternoon or evening, so we call when it suits you.</source>
        <translation>Por favor, elija mañana, tarde o noche, para llamarle cuando le convenga.</translation>
    </message>
    <message>
        <source>We can only call you if you tick this box.</source>
        <translation>Solo podemos llamarle si marca esta casilla.</translation>
    </message>
    <message>
        <source>Best days to call</source>
        <translation>Mejores días para llamarle</translation>
    </message>
    <message>
        <source>Anything else?</source>
        <translation>¿Algo más?</translation>
    </message>
    <message>
        <source>Please check this.</source>
        <translation>Por favor, revise esto.</translation>
    </message>
    <message>
        <source>Ask us to call you</source>
        <translation>Pídanos que le llamemos</translation>
    </message>
    <message>
        <source>Fill in the form and we will call you back.</source>
        <translation>Llene el formulario y le devolveremos la llamada.</translation>
    </message>
    <message numerus="yes">
        <source>Only the clinic&apos;s staff see what you send. We delete it %n day(s) after we have taken care of your request.</source>
        <translation>
            <numerusform>Solo el personal de la clínica ve lo que envía. Lo borramos %n día después de atender su solicitud.</numerusform>
            <numerusform>Solo el personal de la clínica ve lo que envía. Lo borramos %n días después de atender su solicitud.</numerusform>
        </translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Best time to call</source>
        <translation>Mejor horario para llamarle</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>De qué se trata</translation>
    </message>
    <message>
        <source>Language for the call</source>
        <translation>Idioma para la llamada</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permiso</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>{field}, {tag}</source>
        <translation>{field}, {tag}</translation>
    </message>
    <message>
        <source>Yes, the clinic may call me at this number about my request.</source>
        <translation>Sí, doy permiso a la clínica para llamarme a este número sobre mi solicitud.</translation>
    </message>
    <message>
        <source>Send my request</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>Enviando...</translation>
    </message>
    <message>
        <source>Still sending, please wait...</source>
        <translation>Todavía enviando, espere por favor...</translation>
    </message>
</context>
<context>
    <name>CheckLine</name>
    <message>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>Screen and touch</source>
        <translation>Pantalla y tacto</translation>
    </message>
    <message>
        <source>Touch test: touch the white box; a cross shows where the screen felt it.</source>
        <translation>Prueba táctil: toque el recuadro blanco; una cruz muestra dónde lo sintió la pantalla.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Save the file in which folder?</source>
        <translation>¿En qué carpeta guardar el archivo?</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Confirme, por favor</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {seconds} s, then try again.</source>
        <translation>Demasiados PIN incorrectos. Espere {seconds} s y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>Ese PIN no es correcto. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot reach the central store, so nobody can sign in right now.</source>
        <translation>No se puede conectar con el servidor central; ahora nadie puede entrar.</translation>
    </message>
    <message>
        <source>The central store turned this desk away: {reason}. Please ask IT.</source>
        <translation>El servidor central rechazó este puesto: {reason}. Consulte a informática.</translation>
    </message>
    <message>
        <source>Take request {reference} off the list without calling?</source>
        <translation>¿Quitar la solicitud {reference} de la lista sin llamar?</translation>
    </message>
    <message>
        <source>Put request {reference} back on the list to call?</source>
        <translation>¿Volver a poner la solicitud {reference} en la lista para llamar?</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {file} in the folder {folder}. Requests in it: {count}.</source>
        <translation>Se guardó {file} en la carpeta {folder}. Solicitudes en el archivo: {count}.</translation>
    </message>
    <message>
        <source>The file could not be saved there. Choose another folder, or ask IT.</source>
        <translation>No se pudo guardar el archivo ahí. Elija otra carpeta o consulte a informática.</translation>
    </message>
    <message>
        <source>Nothing was saved: the central store cannot be reached.</source>
        <translation>No se guardó nada: no se puede conectar con el servidor central.</translation>
    </message>
    <message>
        <source>Delete every request marked done more than {days} days ago, from every kiosk? This cannot be undone.</source>
        <translation>¿Borrar todas las solicitudes marcadas como terminadas hace más de {days} días, de todos los quioscos? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Old requests deleted: {count}.</source>
        <translation>Solicitudes antiguas borradas: {count}.</translation>
    </message>
    <message>
        <source>Cannot reach the central store since {time}. The list may be out of date. Trying again in {seconds} s.</source>
        <translation>Sin conexión con el servidor central desde las {time}: la lista puede no estar al día. Nuevo intento en {seconds} s.</translation>
    </message>
    <message>
        <source>The central store has not accepted this desk since {time}: {reason}. Please ask IT. Trying again in {seconds} s.</source>
        <translation>El servidor central no acepta este puesto desde las {time}: {reason}. Consulte a informática. Nuevo intento en {seconds} s.</translation>
    </message>
    <message>
        <source>the desk&apos;s password is missing</source>
        <translation>falta la contraseña del puesto</translation>
    </message>
    <message>
        <source>the desk&apos;s password was refused</source>
        <translation>la contraseña del puesto no es válida</translation>
    </message>
    <message>
        <source>the store does not know this desk</source>
        <translation>el servidor no conoce este puesto</translation>
    </message>
    <message>
        <source>the store&apos;s certificate was not accepted</source>
        <translation>no se aceptó el certificado del servidor</translation>
    </message>
    <message>
        <source>the desk may not read the requests</source>
        <translation>el puesto no tiene permiso para leer las solicitudes</translation>
    </message>
    <message>
        <source>the store is not set up yet</source>
        <translation>el servidor todavía no está preparado</translation>
    </message>
    <message>
        <source>the store refused a request</source>
        <translation>el servidor rechazó una petición</translation>
    </message>
    <message>
        <source>Callback requests — {clinic}</source>
        <translation>Solicitudes de llamada — {clinic}</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Solicitudes de llamada</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Intentar ahora</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Quioscos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Sesión de: {name}</translation>
    </message>
    <message>
        <source>Each kiosk says it is alive about once a minute. One not heard from for more than 10 minutes is a problem: check that it is on and connected.</source>
        <translation>Cada quiosco avisa que funciona más o menos una vez por minuto. Si uno no avisa en más de 10 minutos, hay un problema: revise que esté encendido y conectado.</translation>
    </message>
    <message>
        <source>No kiosk has been heard from yet.</source>
        <translation>Todavía no ha avisado ningún quiosco.</translation>
    </message>
    <message>
        <source>Problem: not heard from since {time} ({duration})</source>
        <translation>Problema: sin aviso desde las {time} ({duration})</translation>
    </message>
    <message>
        <source>Problem: almost out of disk space</source>
        <translation>Problema: casi sin espacio en el disco</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Last heard {age} · version {version} · {pending} waiting to send · {disk}</source>
        <translation>Último aviso {age} · versión {version} · {pending} por enviar · {disk}</translation>
    </message>
    <message>
        <source>From {kiosk} · {time} ({age}) · Ref. {reference}</source>
        <translation>De {kiosk} · {time} ({age}) · Ref. {reference}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>Mark called</source>
        <translation>Marcar llamada</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar terminada</translation>
    </message>
    <message>
        <source>Put back to call</source>
        <translation>Volver a llamar</translation>
    </message>
    <message>
        <source>Done, no call needed</source>
        <translation>Terminada, sin llamar</translation>
    </message>
    <message>
        <source>Back to call</source>
        <translation>Volver a la lista</translation>
    </message>
    <message>
        <source>Called by {who} at {time}</source>
        <translation>Llamada por {who} a las {time}</translation>
    </message>
    <message>
        <source>Done by {who} at {time}</source>
        <translation>Terminada por {who} a las {time}</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>All kiosks</source>
        <translation>Todos los quioscos</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Only the day</source>
        <translation>Solo el día</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Kiosk:</source>
        <translation>Quiosco:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>No requests to show.</source>
        <translation>No hay solicitudes que mostrar.</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Exportar a CSV…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exportar a Excel…</translation>
    </message>
    <message>
        <source>Delete old requests…</source>
        <translation>Borrar solicitudes antiguas…</translation>
    </message>
    <message>
        <source>{new} to call · {called} called</source>
        <translation>{new} por llamar · {called} llamadas</translation>
    </message>
    <message>
        <source>Sign in with your staff PIN</source>
        <translation>Entre con su PIN de personal</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>mornings</source>
        <translation>por la mañana</translation>
    </message>
    <message>
        <source>afternoons</source>
        <translation>por la tarde</translation>
    </message>
    <message>
        <source>evenings</source>
        <translation>por la noche</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between two times of day: &apos;mornings or afternoons&apos;</comment>
        <translation> o </translation>
    </message>
    <message>
        <source>Any day, {times}</source>
        <translation>Cualquier día, {times}</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Cualquier día</translation>
    </message>
    <message>
        <source>about {subject}</source>
        <translation>sobre {subject}</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>Por llamar</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminadas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <source>{n} d</source>
        <comment>days</comment>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>{time} ago</source>
        <comment>how long ago: &apos;12 min ago&apos;</comment>
        <translation>hace {time}</translation>
    </message>
    <message>
        <source>{size} GB free</source>
        <translation>{size} GB libres</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Quién:</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>No hay nada que mostrar.</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>Mostrar anteriores</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>{who} signed in (wrong PINs just before: {n})</source>
        <translation>{who} inició sesión (PIN incorrectos justo antes: {n})</translation>
    </message>
    <message>
        <source>{who} signed in</source>
        <translation>{who} inició sesión</translation>
    </message>
    <message>
        <source>{who} signed out</source>
        <translation>{who} cerró sesión</translation>
    </message>
    <message>
        <source>{who} saved requests to a file</source>
        <translation>{who} guardó solicitudes en un archivo</translation>
    </message>
    <message>
        <source>{who} saved requests to the file {file} (requests in it: {n})</source>
        <translation>{who} guardó solicitudes en el archivo {file} (solicitudes en él: {n})</translation>
    </message>
    <message>
        <source>{who} deleted old requests</source>
        <translation>{who} borró solicitudes antiguas</translation>
    </message>
    <message>
        <source>{who} deleted requests marked done more than {days} days ago (deleted: {n})</source>
        <translation>{who} borró solicitudes terminadas hace más de {days} días (borradas: {n})</translation>
    </message>
    <message>
        <source>Daily clean-up of old kiosk records, no patient data (deleted: {n})</source>
        <translation>Limpieza diaria de registros antiguos de los quioscos, sin datos de pacientes (borrados: {n})</translation>
    </message>
    <message>
        <source>IT added a staff member</source>
        <translation>Informática agregó a un miembro del personal</translation>
    </message>
    <message>
        <source>IT added {name} as staff</source>
        <translation>Informática agregó a {name} al personal</translation>
    </message>
    <message>
        <source>{who}: something this version of the desk cannot show</source>
        <translation>{who}: algo que esta versión del mostrador no puede mostrar</translation>
    </message>
    <message>
        <source>{who} marked a request called</source>
        <translation>{who} marcó una solicitud como llamada</translation>
    </message>
    <message>
        <source>{who} marked a request done</source>
        <translation>{who} marcó una solicitud como terminada</translation>
    </message>
    <message>
        <source>{who} put a request back on the list to call</source>
        <translation>{who} volvió a poner una solicitud en la lista para llamar</translation>
    </message>
    <message>
        <source>{who} marked request {reference} called</source>
        <translation>{who} marcó la solicitud {reference} como llamada</translation>
    </message>
    <message>
        <source>{who} marked request {reference} done</source>
        <translation>{who} marcó la solicitud {reference} como terminada</translation>
    </message>
    <message>
        <source>{who} put request {reference} back on the list to call</source>
        <translation>{who} volvió a poner la solicitud {reference} en la lista para llamar</translation>
    </message>
    <message>
        <source>Someone typed a wrong PIN.</source>
        <translation>Alguien escribió un PIN incorrecto.</translation>
    </message>
    <message>
        <source>Someone typed a wrong PIN ({n} in a row).</source>
        <translation>Alguien escribió un PIN incorrecto ({n} seguidos).</translation>
    </message>
    <message>
        <source>{n} s</source>
        <comment>seconds</comment>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>Sign-in was locked for {time}.</source>
        <translation>El inicio de sesión quedó bloqueado por {time}.</translation>
    </message>
    <message>
        <source>at {desk}</source>
        <translation>en {desk}</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} · {at}</source>
        <translation>Quiosco {kiosk} · {at}</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hoy, {date}</translation>
    </message>
    <message>
        <source>Yesterday, {date}</source>
        <translation>Ayer, {date}</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Qt libraries</source>
        <translation>Bibliotecas de Qt</translation>
    </message>
    <message>
        <source>Display platform</source>
        <translation>Plataforma de pantalla</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Speech voices</source>
        <translation>Voces para leer en voz alta</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Database key</source>
        <translation>Clave de la base de datos</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>Espacio libre en disco</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>Watchdog</source>
        <translation>Vigilancia (watchdog)</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>call IT</source>
        <translation>avise al equipo de TI</translation>
    </message>
    <message>
        <source>IT: see kiosk doctor</source>
        <translation>equipo de TI: vea kiosk doctor</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Este quiosco</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>Solicitudes guardadas</translation>
    </message>
    <message>
        <source>the key that locks them is missing or wrong</source>
        <translation>falta la clave que las protege o no es correcta</translation>
    </message>
    <message>
        <source>the database is damaged</source>
        <translation>la base de datos está dañada</translation>
    </message>
    <message>
        <source>the database cannot be written</source>
        <translation>no se puede escribir en la base de datos</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the database is busy: try again in a minute</source>
        <translation>la base de datos está ocupada: intente de nuevo en un minuto</translation>
    </message>
    <message>
        <source>the database cannot be opened</source>
        <translation>no se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>the data folder or its key is not set up right</source>
        <translation>la carpeta de datos o su clave no están bien configuradas</translation>
    </message>
    <message>
        <source>none saved yet</source>
        <translation>ninguna guardada todavía</translation>
    </message>
    <message>
        <source>last one saved {time}</source>
        <translation>la última guardada: {time}</translation>
    </message>
    <message>
        <source>the disk is nearly full: {free} free</source>
        <translation>el disco está casi lleno: {free} libres</translation>
    </message>
    <message>
        <source>{free} free</source>
        <translation>{free} libres</translation>
    </message>
    <message>
        <source>copies kept: {n}</source>
        <translation>copias guardadas: {n}</translation>
    </message>
    <message>
        <source>requests saved before may be in them</source>
        <translation>puede haber solicitudes anteriores en ellas</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Sending to the front desk</source>
        <translation>Envío a la recepción</translation>
    </message>
    <message>
        <source>the central store does not know this kiosk</source>
        <translation>el servidor central no conoce este quiosco</translation>
    </message>
    <message>
        <source>the central store&apos;s certificate was not accepted</source>
        <translation>no se aceptó el certificado del servidor central</translation>
    </message>
    <message>
        <source>the central store is not set up yet</source>
        <translation>el servidor central aún no está preparado</translation>
    </message>
    <message>
        <source>the central store refused the requests</source>
        <translation>el servidor central rechazó las solicitudes</translation>
    </message>
    <message>
        <source>this kiosk&apos;s own database failed</source>
        <translation>falló la base de datos de este quiosco</translation>
    </message>
    <message>
        <source>an unknown problem: see the sync log</source>
        <translation>un problema desconocido: vea el registro de la sincronización</translation>
    </message>
    <message>
        <source>no password for the clinic&apos;s server</source>
        <translation>falta la contraseña del servidor de la clínica</translation>
    </message>
    <message>
        <source>the clinic&apos;s server&apos;s certificate is not trusted</source>
        <translation>el certificado del servidor de la clínica no es de confianza</translation>
    </message>
    <message>
        <source>this kiosk may not send to the central store</source>
        <translation>este quiosco no tiene permiso para enviar al servidor central</translation>
    </message>
    <message>
        <source>the clinic&apos;s server refused the password</source>
        <translation>el servidor de la clínica rechazó la contraseña</translation>
    </message>
    <message>
        <source>the clinic&apos;s server does not know this kiosk</source>
        <translation>el servidor de la clínica no conoce este quiosco</translation>
    </message>
    <message>
        <source>the clinic&apos;s server cannot be reached</source>
        <translation>no se puede conectar con el servidor de la clínica</translation>
    </message>
    <message>
        <source>the clinic&apos;s server does not allow it</source>
        <translation>el servidor de la clínica no lo permite</translation>
    </message>
    <message>
        <source>the clinic&apos;s server is not set up yet</source>
        <translation>el servidor de la clínica aún no está configurado</translation>
    </message>
    <message>
        <source>the clinic&apos;s server refused the requests</source>
        <translation>el servidor de la clínica rechazó las solicitudes</translation>
    </message>
    <message>
        <source>no news from the sending service since {time}</source>
        <translation>sin noticias del servicio de envío desde {time}</translation>
    </message>
    <message>
        <source>something unexpected went wrong</source>
        <translation>algo inesperado salió mal</translation>
    </message>
    <message>
        <source>off: this kiosk keeps its requests</source>
        <translation>apagado: este quiosco guarda sus solicitudes</translation>
    </message>
    <message>
        <source>the sending service has never run here</source>
        <translation>el servicio de envío nunca ha funcionado aquí</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>nada enviado todavía</translation>
    </message>
    <message>
        <source>last sent {time} ({ago} ago)</source>
        <translation>último envío: {time} (hace {ago})</translation>
    </message>
    <message>
        <source>not since {time} ({ago})</source>
        <translation>nada enviado desde {time} ({ago})</translation>
    </message>
    <message>
        <source>{when} — {why}</source>
        <translation>{when} — {why}</translation>
    </message>
    <message>
        <source>requests waiting here: {n}</source>
        <translation>solicitudes esperando aquí: {n}</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>versión {version}</translation>
    </message>
    <message>
        <source>running for {time}</source>
        <translation>funciona desde hace {time}</translation>
    </message>
    <message>
        <source>Kiosk program</source>
        <translation>Programa del quiosco</translation>
    </message>
    <message>
        <source>went back to the home screen after an error: {n} times</source>
        <translation>volvió a la pantalla de inicio después de un error: {n} veces</translation>
    </message>
    <message>
        <source>off in the settings</source>
        <translation>apagado en la configuración</translation>
    </message>
    <message>
        <source>on ({engine})</source>
        <translation>encendido ({engine})</translation>
    </message>
    <message>
        <source>off: the voice program does not work here</source>
        <translation>apagado: el programa de voz no funciona aquí</translation>
    </message>
    <message>
        <source>Restart if it freezes</source>
        <translation>Reinicio si se congela</translation>
    </message>
    <message>
        <source>off: the kiosk&apos;s service is not set up for it</source>
        <translation>apagado: el servicio del quiosco no está configurado para esto</translation>
    </message>
    <message>
        <source>off: the kiosk was not started by its service</source>
        <translation>apagado: el quiosco no se inició con su servicio</translation>
    </message>
    <message>
        <source>on: checked every {n} s</source>
        <translation>encendido: se revisa cada {n} s</translation>
    </message>
    <message>
        <source>the date is wrong: {time}</source>
        <translation>la fecha está mal: {time}</translation>
    </message>
    <message>
        <source>Screen software</source>
        <translation>Programas de la pantalla</translation>
    </message>
    <message>
        <source>parts are missing</source>
        <translation>faltan partes</translation>
    </message>
    <message>
        <source>Warnings in the log</source>
        <translation>Avisos en el registro</translation>
    </message>
    <message>
        <source>none today</source>
        <translation>ninguno hoy</translation>
    </message>
    <message>
        <source>{n} today</source>
        <translation>{n} hoy</translation>
    </message>
    <message>
        <source>{n} today, the last at {time}</source>
        <translation>{n} hoy, el último a las {time}</translation>
    </message>
    <message>
        <source>upright (portrait)</source>
        <translation>vertical</translation>
    </message>
    <message>
        <source>sideways (landscape)</source>
        <translation>horizontal</translation>
    </message>
    <message>
        <source>{width} x {height} pixels</source>
        <translation>{width} x {height} píxeles</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>no password for the central store</source>
        <translation>no hay contraseña para el servidor central</translation>
    </message>
    <message>
        <source>For IT: run “kiosk doctor” here for paths and details.</source>
        <translation>Para el equipo de TI: ejecute “kiosk doctor” en esta computadora para ver las rutas de los archivos y más detalles.</translation>
    </message>
    <message>
        <source>the central store refused the password</source>
        <translation>el servidor central rechazó la contraseña</translation>
    </message>
    <message>
        <source>cannot reach the central store (network?)</source>
        <translation>no se puede conectar con el servidor central (¿la red?)</translation>
    </message>
    <message>
        <source>Damaged database set aside</source>
        <translation>Base de datos dañada apartada</translation>
    </message>
</context>
<context>
    <name>Disclaimer</name>
    <message>
        <source>General information, not medical advice. Ask your doctor about your own care.</source>
        <translation>Información general, no un consejo médico. Pregunte a su médico sobre su caso.</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Audio guidance is on. Press Tab to go to the next button, Shift and Tab to go back, and Enter to choose. In a box you typed in, press F2 to hear what you typed.</source>
        <translation>La guía por voz está activada. Pulse Tab para ir al siguiente botón, Mayúsculas y Tab para volver, y Entrar para elegir. En una casilla donde escribió, pulse F2 para oír lo que escribió.</translation>
    </message>
    <message>
        <source>button</source>
        <translation>botón</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>opción</translation>
    </message>
    <message>
        <source>text box</source>
        <translation>casilla de texto</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>elegida</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>no elegida</translation>
    </message>
    <message>
        <source>filled in; press F2 to hear it</source>
        <translation>tiene texto; pulse F2 para oírlo</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacía</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Learn about back pain</source>
        <translation>Aprenda sobre el dolor de espalda</translation>
    </message>
    <message>
        <source>Touch a button to read, or to ask us to call you.</source>
        <translation>Toque un botón para leer o para pedirnos que le llamemos.</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Empiece aquí</translation>
    </message>
    <message>
        <source>Ask us to call you</source>
        <translation>Pídanos que le llamemos</translation>
    </message>
    <message>
        <source>Leave your name and number. We will call you back.</source>
        <translation>Deje su nombre y número. Le devolveremos la llamada.</translation>
    </message>
    <message>
        <source>Where does it hurt?</source>
        <translation>¿Dónde le duele?</translation>
    </message>
    <message>
        <source>Touch the spine to find the place and learn about it.</source>
        <translation>Toque la columna para encontrar el lugar y aprender sobre él.</translation>
    </message>
    <message>
        <source>More topics</source>
        <translation>Más temas</translation>
    </message>
    <message>
        <source>Back to top</source>
        <translation>Volver arriba</translation>
    </message>
    <message>
        <source>More topics below</source>
        <translation>Más temas abajo</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message numerus="yes">
        <source>The screen will go back to the start in %n second(s).</source>
        <translation>
            <numerusform>La pantalla volverá al inicio en %n segundo.</numerusform>
            <numerusform>La pantalla volverá al inicio en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
</context>
<context>
    <name>KeyboardView</name>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayúsculas</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>ext</source>
        <translation>ext.</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Extensión</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apóstrofo</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Guion</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>High contrast is on.</source>
        <translation>El contraste alto está activado.</translation>
    </message>
    <message>
        <source>High contrast is off.</source>
        <translation>El contraste alto está desactivado.</translation>
    </message>
    <message>
        <source>Text at {percent} %.</source>
        <translation>Letra al {percent} %.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Call us: {phone}</source>
        <translation>Llámenos: {phone}</translation>
    </message>
    <message>
        <source>Information about back pain from {clinic}, and a way to ask them to call you.</source>
        <translation>Información sobre el dolor de espalda de {clinic}, y una forma de pedir que le llamen.</translation>
    </message>
</context>
<context>
    <name>PinView</name>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>Ese PIN no es correcto. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait {n} seconds.</source>
        <translation>Demasiados PIN incorrectos. Espere {n} segundos.</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk yet. An administrator can add staff with the command: kiosk staff add NAME</source>
        <translation>El modo de personal aún no está configurado en este quiosco. Un administrador puede agregar personal con el comando: kiosk staff add NAME</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n dígito ingresado</numerusform>
            <numerusform>%n dígitos ingresados</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Acceso del personal</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>This part of the kiosk is not ready yet.
Please ask the front desk, or touch Home.</source>
        <translation>Esta parte del quiosco aún no está lista.
Por favor, pregunte en la recepción o toque Inicio.</translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>Stop reading</source>
        <translation>Dejar de leer</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
</context>
<context>
    <name>ReviewNote</name>
    <message>
        <source>Reviewed by {who} on {date}.</source>
        <translation>Revisado por {who} el {date}.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Where does it hurt?</source>
        <translation>¿Dónde le duele?</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Ask us to call you</source>
        <translation>Pídanos que le llamemos</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>SpineView</name>
    <message>
        <source>This page is being updated. Please choose another part, or ask the front desk.</source>
        <translation>Estamos actualizando esta página. Por favor, elija otra parte o pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Parts of the spine</source>
        <translation>Partes de la columna</translation>
    </message>
    <message>
        <source>Touch the drawing, or choose a part here.</source>
        <translation>Toque el dibujo o elija una parte aquí.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Whole spine</source>
        <translation>Toda la columna</translation>
    </message>
    <message>
        <source>This is where it hurts</source>
        <translation>Aquí me duele</translation>
    </message>
    <message>
        <source>Show all parts</source>
        <translation>Ver todas las partes</translation>
    </message>
    <message>
        <source>Drawing of the spine</source>
        <translation>Dibujo de la columna</translation>
    </message>
    <message>
        <source>Touch a part to read about it. The list of parts does the same.</source>
        <translation>Toque una parte para leer sobre ella. La lista de partes hace lo mismo.</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>Cuello</translation>
    </message>
    <message>
        <source>Upper back</source>
        <translation>Espalda alta</translation>
    </message>
    <message>
        <source>Lower back</source>
        <translation>Espalda baja</translation>
    </message>
    <message>
        <source>Pelvis</source>
        <translation>Pelvis</translation>
    </message>
</context>
<context>
    <name>StaffMode</name>
    <message>
        <source>The request database was damaged and set aside as {name}; a new one was started. Ask IT to look at it.</source>
        <translation>La base de datos de solicitudes estaba dañada y se guardó aparte como {name}; se creó una nueva. Pida al equipo de TI que la revise.</translation>
    </message>
    <message>
        <source>There are no new requests to export.</source>
        <translation>No hay solicitudes nuevas para exportar.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}. They could not be marked exported, so they stay new and the next export will include them again. {problem}</source>
        <translation>
            <numerusform>%n solicitud guardada en {place}, en el archivo {file}. No se pudo marcar como exportada, así que sigue nueva y la próxima exportación la incluirá otra vez. {problem}</numerusform>
            <numerusform>%n solicitudes guardadas en {place}, en el archivo {file}. No se pudieron marcar como exportadas, así que siguen nuevas y la próxima exportación las incluirá otra vez. {problem}</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {reason}</source>
        <translation>Error al exportar: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n old request(s) deleted.</source>
        <translation>
            <numerusform>Se borró %n solicitud antigua.</numerusform>
            <numerusform>Se borraron %n solicitudes antiguas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request database was damaged and set aside, with the staff list. Ask IT: requests saved before may be in the old file.</source>
        <translation>La base de datos de solicitudes se dañó y se apartó, junto con la lista del personal. Avise a IT: las solicitudes guardadas antes pueden estar en el archivo viejo.</translation>
    </message>
    <message>
        <source>The database key is missing or wrong. Ask IT.</source>
        <translation>Falta la clave de la base de datos o no es correcta. Avise al equipo de TI.</translation>
    </message>
    <message>
        <source>The request database is damaged. Ask IT.</source>
        <translation>La base de datos de solicitudes está dañada. Avise al equipo de TI.</translation>
    </message>
    <message>
        <source>The request database cannot be written. Ask IT.</source>
        <translation>No se puede escribir en la base de datos de solicitudes. Avise al equipo de TI.</translation>
    </message>
    <message>
        <source>The disk is full. Ask IT to free some space.</source>
        <translation>El disco está lleno. Pida al equipo de TI que libere espacio.</translation>
    </message>
    <message>
        <source>The request database is busy. Try again in a minute.</source>
        <translation>La base de datos de solicitudes está ocupada. Inténtelo de nuevo en un minuto.</translation>
    </message>
    <message>
        <source>The request database failed. Ask IT.</source>
        <translation>Falló la base de datos de solicitudes. Avise al equipo de TI.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}, but the audit log could not record it. {problem}</source>
        <translation>
            <numerusform>%n solicitud guardada en {place}, en el archivo {file}, pero el registro de auditoría no pudo anotarlo. {problem}</numerusform>
            <numerusform>%n solicitudes guardadas en {place}, en el archivo {file}, pero el registro de auditoría no pudo anotarlo. {problem}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) saved to {place}, in the file {file}</source>
        <translation>
            <numerusform>%n solicitud guardada en {place}, en el archivo {file}</numerusform>
            <numerusform>%n solicitudes guardadas en {place}, en el archivo {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Call-back forms started: {n}</source>
        <translation>Formularios de llamada empezados: {n}</translation>
    </message>
    <message>
        <source>Call-back requests sent: {n}</source>
        <translation>Solicitudes de llamada enviadas: {n}</translation>
    </message>
    <message>
        <source>Forms left unfinished: {n}</source>
        <translation>Formularios sin terminar: {n}</translation>
    </message>
    <message>
        <source>Visits ended by the idle timer: {n}</source>
        <translation>Visitas cerradas por inactividad: {n}</translation>
    </message>
    <message>
        <source>Statistics saved to {place}, in the file {file}</source>
        <translation>Estadísticas guardadas en {place}, en el archivo {file}</translation>
    </message>
    <message>
        <source>This kiosk&apos;s exports folder</source>
        <translation>La carpeta de exportaciones de este quiosco</translation>
    </message>
    <message>
        <source>USB drive “{name}”</source>
        <translation>Memoria USB “{name}”</translation>
    </message>
    <message>
        <source>this kiosk&apos;s exports folder</source>
        <translation>la carpeta de exportaciones de este quiosco</translation>
    </message>
    <message>
        <source>the chosen place</source>
        <translation>el lugar elegido</translation>
    </message>
    <message>
        <source>Still saving the last file. Please wait.</source>
        <translation>Todavía se está guardando el último archivo. Espere por favor.</translation>
    </message>
    <message>
        <source>Nothing was exported. {problem}</source>
        <translation>No se exportó nada. {problem}</translation>
    </message>
    <message>
        <source>something unexpected went wrong</source>
        <translation>algo inesperado salió mal</translation>
    </message>
    <message>
        <source>Saving the file. Please leave the USB drive in until this says it is done.</source>
        <translation>Guardando el archivo. Deje la memoria USB puesta hasta que aquí diga que terminó.</translation>
    </message>
    <message>
        <source>The checks could not run. See the log.</source>
        <translation>No se pudieron hacer las comprobaciones. Vea el registro.</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <source>Delete the requests exported or done more than {days} days ago? This cannot be undone.</source>
        <translation>¿Borrar las solicitudes exportadas o terminadas hace más de {days} días? Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>No requests to call here. New ones go to the front desk.</source>
        <translation>No hay solicitudes para llamar aquí. Las nuevas van a la recepción.</translation>
    </message>
    <message>
        <source>No requests to call. New ones show here.</source>
        <translation>No hay solicitudes por llamar. Las nuevas aparecen aquí.</translation>
    </message>
    <message>
        <source>Cannot be undone:</source>
        <translation>No se puede deshacer:</translation>
    </message>
    <message>
        <source>Delete old requests now…</source>
        <translation>Borrar solicitudes antiguas ahora…</translation>
    </message>
    <message>
        <source>Exit the kiosk…</source>
        <translation>Salir del quiosco…</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Solicitudes de llamada</translation>
    </message>
    <message>
        <source>Staff: {name}</source>
        <translation>Personal: {name}</translation>
    </message>
    <message>
        <source>New: {new}   Exported: {exported}   Done: {done}</source>
        <translation>Nuevas: {new}   Exportadas: {exported}   Completadas: {done}</translation>
    </message>
    <message>
        <source>At the front desk: {sent}</source>
        <translation>En la recepción: {sent}</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) went to the front desk. Call them from there.</source>
        <translation>
            <numerusform>%n solicitud fue a la recepción. Llámela desde allí.</numerusform>
            <numerusform>%n solicitudes fueron a la recepción. Llámelas desde allí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark called</source>
        <translation>Marcar llamada</translation>
    </message>
    <message>
        <source>Done, no call needed</source>
        <translation>Terminada, sin llamar</translation>
    </message>
    <message>
        <source>Take {name} off the list without a call?</source>
        <translation>¿Quitar a {name} de la lista sin llamar?</translation>
    </message>
    <message>
        <source>Yes, no call</source>
        <translation>Sí, sin llamar</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>No, dejarla</translation>
    </message>
    <message>
        <source>Saved {time} ({age}) · Ref. {reference}</source>
        <translation>Guardada {time} ({age}) · Ref. {reference}</translation>
    </message>
    <message>
        <source>in an export</source>
        <translation>en una exportación</translation>
    </message>
    <message>
        <source>not at the front desk yet</source>
        <translation>todavía no está en la recepción</translation>
    </message>
    <message>
        <source>What patients opened most</source>
        <translation>Lo que más abrieron los pacientes</translation>
    </message>
    <message>
        <source>No page has been opened yet.</source>
        <translation>Todavía no se ha abierto ninguna página.</translation>
    </message>
    <message>
        <source>Save files to: {place}</source>
        <translation>Guardar archivos en: {place}</translation>
    </message>
    <message>
        <source>Yes, delete them</source>
        <translation>Sí, borrarlas</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Close the kiosk and show the computer&apos;s desktop?</source>
        <translation>¿Cerrar el quiosco y mostrar el escritorio de la computadora?</translation>
    </message>
    <message>
        <source>Yes, close the kiosk</source>
        <translation>Sí, cerrar el quiosco</translation>
    </message>
    <message>
        <source>Export new (CSV)</source>
        <translation>Exportar nuevas (CSV)</translation>
    </message>
    <message>
        <source>Export new (Excel)</source>
        <translation>Exportar nuevas (Excel)</translation>
    </message>
    <message>
        <source>Export again: last 7 days</source>
        <translation>Exportar de nuevo: últimos 7 días</translation>
    </message>
    <message>
        <source>Export again: last 30 days</source>
        <translation>Exportar de nuevo: últimos 30 días</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Export statistics (CSV)</source>
        <translation>Exportar estadísticas (CSV)</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <source>within one business day</source>
        <translation>en un plazo de un día hábil</translation>
    </message>
    <message>
        <source>Your reference code: {code}</source>
        <translation>Su código de referencia: {code}</translation>
    </message>
    <message numerus="yes">
        <source>Back to the start in %n second(s).</source>
        <translation>
            <numerusform>Volver al inicio en %n segundo.</numerusform>
            <numerusform>Volver al inicio en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Your request is with our staff.</source>
        <translation>Nuestro personal ya tiene su solicitud.</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Qué pasa ahora</translation>
    </message>
    <message>
        <source>Someone from our clinic will call you back {within}.</source>
        <translation>Alguien de nuestra clínica le devolverá la llamada {within}.</translation>
    </message>
    <message>
        <source>Your reference code</source>
        <translation>Su código de referencia</translation>
    </message>
    <message>
        <source>If you call us at {phone}, tell us this code.</source>
        <translation>Si nos llama al {phone}, díganos este código.</translation>
    </message>
    <message>
        <source>If you call us, tell us this code.</source>
        <translation>Si nos llama, díganos este código.</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Volver al inicio</translation>
    </message>
</context>
<context>
    <name>TopicView</name>
    <message>
        <source>This page is being updated. Please choose another topic, or ask the front desk.</source>
        <translation>Estamos actualizando esta página. Por favor, elija otro tema o pregunte en la recepción.</translation>
    </message>
    <message>
        <source>Back to top</source>
        <translation>Volver arriba</translation>
    </message>
    <message>
        <source>More below</source>
        <translation>Hay más abajo</translation>
    </message>
    <message>
        <source>Part {number} of {count}: {title}</source>
        <translation>Parte {number} de {count}: {title}</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <source>Ask us to call you about this</source>
        <translation>Pídanos que le llamemos sobre esto</translation>
    </message>
    <message>
        <source>Tell the front desk now</source>
        <translation>Avise ahora en la recepción</translation>
    </message>
    <message>
        <source>Read next</source>
        <translation>Lea también</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>tarde</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>noche</translation>
    </message>
</context>
</TS>
